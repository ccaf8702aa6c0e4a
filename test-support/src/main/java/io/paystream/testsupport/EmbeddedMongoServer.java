package io.paystream.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server in this JVM (mongo-java-server), reached by the real driver over TCP. No MongoDB
 * server can be installed on the build machine; tests also run against a real MongoDB via Testcontainers where
 * Docker exists. It has no multi-document transactions and no TTL expiry, so no code may depend on either.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    /**
     * Spring Boot 4's Mongo health indicator sends {@code hello}, which mongo-java-server 1.47 does not know (error
     * 59), so every service would report DOWN against it. {@code hello} is the modern name of {@code isMaster}; the
     * server answers that one, so the test double is taught the alias instead of weakening the services' health.
     */
    private static final class HelloAsIsMaster {
        static String rename(String command) {
            return "hello".equals(command) ? "isMaster" : command;
        }
    }

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** In memory, on a free port. */
    public static EmbeddedMongoServer inMemory() {
        return inMemory(0);
    }

    /** In memory, on {@code port} (0: a free one). */
    public static EmbeddedMongoServer inMemory(int port) {
        MongoServer server = new MongoServer(new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return super.handleCommand(channel, database, HelloAsIsMaster.rename(command), query);
            }
        });
        server.bind("127.0.0.1", port);
        return new EmbeddedMongoServer(server, server.getLocalAddress());
    }

    /** Persisted to an H2 MVStore file, so data and indexes survive a restart. */
    public static EmbeddedMongoServer persistent(Path file, int port) {
        MongoServer server = new MongoServer(new H2Backend(file.toString()) {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return super.handleCommand(channel, database, HelloAsIsMaster.rename(command), query);
            }
        });
        server.bind("127.0.0.1", port);
        return new EmbeddedMongoServer(server, server.getLocalAddress());
    }

    public String connectionString(String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    public int port() {
        return address.getPort();
    }

    /** Stops at once; used as a Spring bean destroy method so scheduled jobs do not hang the JVM's exit. */
    public void shutdownNow() {
        server.shutdownNow();
    }

    @Override
    public void close() {
        shutdownNow();
    }
}
