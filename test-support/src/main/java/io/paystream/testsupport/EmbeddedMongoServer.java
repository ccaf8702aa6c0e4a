package io.paystream.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.paystream.testsupport.mongo.indexing.CollectionScan;
import io.paystream.testsupport.mongo.indexing.CollectionScanLog;
import io.paystream.testsupport.mongo.indexing.IndexedH2Backend;
import io.paystream.testsupport.mongo.indexing.IndexedMemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * A MongoDB wire-protocol server in this JVM (mongo-java-server), reached by the real driver over TCP. No MongoDB
 * server can be installed on the build machine; tests also run against a real MongoDB via Testcontainers where
 * Docker exists. It has no multi-document transactions and no TTL expiry, so no code may depend on either.
 *
 * <p>mongo-java-server ignores non-unique indexes and uses the {@code _id} index only for a query on {@code _id} alone;
 * this server has real secondary indexes and a query planner ({@link io.paystream.testsupport.mongo.indexing}), so a
 * query runs as it would on MongoDB with the same indexes. Every query that still reads a whole collection is recorded:
 * a test asserts that its hot path needs no {@link #collectionScans() collection scan}.
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

    /** MVStore's own default: what the stack ran with before the size could be chosen. */
    public static final int DEFAULT_CACHE_SIZE_MB = 16;

    private final MongoServer server;
    private final InetSocketAddress address;
    private final CollectionScanLog scans;

    private EmbeddedMongoServer(MongoServer server, CollectionScanLog scans) {
        this.server = server;
        this.address = server.getLocalAddress();
        this.scans = scans;
    }

    /** In memory, on a free port. */
    public static EmbeddedMongoServer inMemory() {
        return inMemory(0);
    }

    /** In memory, on {@code port} (0: a free one). */
    public static EmbeddedMongoServer inMemory(int port) {
        CollectionScanLog scans = new CollectionScanLog();
        MongoServer server = new MongoServer(new IndexedMemoryBackend(scans) {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return super.handleCommand(channel, database, HelloAsIsMaster.rename(command), query);
            }
        });
        server.bind("127.0.0.1", port);
        return new EmbeddedMongoServer(server, scans);
    }

    /**
     * Persisted to an H2 MVStore file, so data and indexes survive a restart; MVStore's default page cache of
     * {@value #DEFAULT_CACHE_SIZE_MB} MB.
     */
    public static EmbeddedMongoServer persistent(Path file, int port) {
        return persistent(file, port, DEFAULT_CACHE_SIZE_MB);
    }

    /**
     * Persisted to an H2 MVStore file, its page cache limited to {@code cacheSizeMb}: documents and indexes beyond it
     * stay in the file, which bounds the server's memory whatever the collections' size.
     */
    public static EmbeddedMongoServer persistent(Path file, int port, int cacheSizeMb) {
        CollectionScanLog scans = new CollectionScanLog();
        MongoServer server =
                new MongoServer(new IndexedH2Backend(IndexedH2Backend.openStore(file, cacheSizeMb), scans) {
                    @Override
                    public Document handleCommand(Channel channel, String database, String command, Document query) {
                        return super.handleCommand(channel, database, HelloAsIsMaster.rename(command), query);
                    }
                });
        server.bind("127.0.0.1", port);
        return new EmbeddedMongoServer(server, scans);
    }

    public String connectionString(String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }

    public int port() {
        return address.getPort();
    }

    /**
     * The queries that read a whole user collection since the start or the last {@link #clearCollectionScans()},
     * oldest first (the most recent 1,000): finds, counts and the lookups of updates, deletes and findAndModify alike.
     */
    public List<CollectionScan> collectionScans() {
        return scans.scans();
    }

    public void clearCollectionScans() {
        scans.clear();
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
