package io.paystream.testsupport.mongo.indexing;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.bson.Document;

/**
 * Not a test: what the H2 backend's storage format costs the server, through the real driver, printed as
 * {@code STORAGE ...} lines. The server runs in this JVM; its CPU is the CPU of its threads (netty's
 * {@code mongo-server-*} workers and MVStore's background writer), the client's excluded. Run it alone:
 *
 * <pre>
 * ./mvnw -o -q -pl test-support test-compile
 * java -Xmx1g -cp "test-support/target/classes:test-support/target/test-classes:$(cat /tmp/cp.txt)" \
 *     io.paystream.testsupport.mongo.indexing.H2StorageMeasurement [documents] [file]
 * </pre>
 *
 * where {@code /tmp/cp.txt} comes from {@code ./mvnw -o -q -pl test-support dependency:build-classpath
 * -Dmdep.outputFile=/tmp/cp.txt}. Defaults: 200,000 documents of about 2.4 KB, a 256 MB page cache.
 */
final class H2StorageMeasurement {

    private static final int BATCH = 100;
    private static final int OPERATIONS = 20_000;
    private static final int CACHE_MB = 256;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Random random = new Random(11);

    public static void main(String[] arguments) throws Exception {
        int documents = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 200_000;
        Path file = arguments.length > 1 ? Path.of(arguments[1]) : Files.createTempFile("storage", ".mv");
        Files.deleteIfExists(file);
        new H2StorageMeasurement().run(documents, file);
        Files.deleteIfExists(file);
    }

    private void run(int documents, Path file) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.persistent(file, 0, CACHE_MB);
                MongoClient client = MongoClients.create(server.connectionString("storage"))) {
            MongoCollection<Document> events = client.getDatabase("storage").getCollection("events");
            phase("insertMany", documents, () -> {
                for (int from = 0; from < documents; from += BATCH) {
                    List<Document> batch = new ArrayList<>(BATCH);
                    for (int i = from; i < Math.min(documents, from + BATCH); i++) {
                        batch.add(document(i));
                    }
                    events.insertMany(batch);
                }
            });
            phase("updateOne", OPERATIONS, () -> {
                for (int i = 0; i < OPERATIONS; i++) {
                    events.updateOne(eq("_id", id(random.nextInt(documents))), Updates.set("status", "updated_" + i));
                }
            });
            phase("find", OPERATIONS, () -> {
                for (int i = 0; i < OPERATIONS; i++) {
                    if (events.find(eq("_id", id(random.nextInt(documents)))).first() == null) {
                        throw new IllegalStateException("a document is missing");
                    }
                }
            });
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(
                    Locale.ROOT,
                    "STORAGE file %.1f MB, heap after GC %.1f MB (256 MB page cache)%n",
                    file.toFile().length() / 1e6,
                    heap / 1e6);
        }
        System.out.printf(
                Locale.ROOT, "STORAGE file after close %.1f MB%n", file.toFile().length() / 1e6);
    }

    private void phase(String name, int operations, Runnable work) {
        long serverCpu = serverCpuNanos();
        long start = System.nanoTime();
        work.run();
        long elapsed = System.nanoTime() - start;
        long cpu = serverCpuNanos() - serverCpu;
        System.out.printf(
                Locale.ROOT,
                "STORAGE %-10s %,9d docs %,10.0f docs/s, server CPU %,7.1f us/doc%n",
                name,
                operations,
                operations * 1e9 / elapsed,
                cpu / 1e3 / operations);
    }

    /** CPU time of the server's threads; the driver's (this thread and its monitors) excluded. */
    private long serverCpuNanos() {
        long total = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null
                    && (thread.getThreadName().startsWith("mongo-server")
                            || thread.getThreadName().startsWith("MVStore"))) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "evt_%024d", i);
    }

    /** About 2.4 KB as BSON: 25 strings of about 60 characters, a nested document and an array. */
    private Document document(int i) {
        Document document = new Document("_id", id(i));
        for (int field = 0; field < 25; field++) {
            document.append("field_" + field, text(60));
        }
        document.append(
                "customer",
                new Document("id", "cus_" + i % 5_000)
                        .append("email", "customer" + i % 5_000 + "@example.com")
                        .append("created", (long) i));
        document.append("lines", List.of(text(40), text(40), text(40)));
        return document;
    }

    private String text(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
