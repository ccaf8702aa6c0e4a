package io.paystream.bench.support;

import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded MongoDB wire server in a JVM of its own. Hosted inside the harness, it competed with the harness's own
 * load generator and visibility poller for the same threads and heap, which made the end-to-end numbers say more about
 * the harness than about the services.
 */
public final class MongoServerProcess implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private MongoServerProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it with {@code heap} as -Xmx; {@code bench.mongoJvmArgs} adds JVM options (space-separated). */
    public static MongoServerProcess start(Path log, String heap) {
        int port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of("-Xmx" + heap));
        command.addAll(ChildProcess.optionsFrom("bench.mongoJvmArgs"));
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                MongoServerProcess.class.getName(),
                Integer.toString(port)));
        ChildProcess process =
                ChildProcess.start("mongo-server", command, Map.of(), log).awaitListening(port, Duration.ofSeconds(60));
        return new MongoServerProcess(process, port);
    }

    public String connectionString(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }

    /** Serves in memory on the port given as the only argument until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongoServer server = EmbeddedMongoServer.inMemory(Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        new CountDownLatch(1).await();
    }
}
