package io.paystream.testsupport.mongo.indexing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.descending;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: the numbers behind issue 11's "a page of 20 under 50 ms p99 at a million documents", printed as
 * {@code SCALE ...} lines to this class's surefire output. Run it alone:
 *
 * <pre>
 * ./mvnw -o -pl test-support test -Dtest=IndexedBackendsScaleTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmongo.scale=true [-Dmongo.scale.documents=1000000] [-Dmongo.scale.backends=memory,h2] [-Dmongo.scale.cacheMb=16] \
 *     [-Dmongo.scale.h2File=/tmp/scale.mv]
 * grep SCALE test-support/target/surefire-reports/*IndexedBackendsScaleTest-output.txt
 * </pre>
 *
 * With {@code mongo.scale.h2File}, the H2 file is kept and, when it already holds the documents, reused (loading a
 * million documents into it takes minutes), e.g. to compare cache sizes.
 */
@EnabledIfSystemProperty(named = "mongo.scale", matches = "true")
class IndexedBackendsScaleTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String BIG_ACCOUNT = "acct_big";
    private static final int WARMUP = 100;
    private static final int SAMPLES = 1_000;

    private final int documents = Integer.getInteger("mongo.scale.documents", 1_000_000);
    private final int cacheMb = Integer.getInteger("mongo.scale.cacheMb", EmbeddedMongoServer.DEFAULT_CACHE_SIZE_MB);
    private final List<String> backends = Arrays.asList(
            System.getProperty("mongo.scale.backends", "memory,h2").split(","));
    private final Random random = new Random(11);

    @TempDir
    Path directory;

    @Test
    void printsLatenciesAtScale() throws Exception {
        for (String backend : backends) {
            long baseline = usedHeap();
            String keptFile = System.getProperty("mongo.scale.h2File");
            Path file = keptFile != null ? Path.of(keptFile) : directory.resolve("scale-" + backend + ".mv");
            try (EmbeddedMongoServer server = backend.equals("h2")
                            ? EmbeddedMongoServer.persistent(file, 0, cacheMb)
                            : EmbeddedMongoServer.inMemory();
                    MongoClient client = MongoClients.create(server.connectionString("scale"))) {
                MongoCollection<Document> payments = client.getDatabase("scale").getCollection("payments");
                payments.createIndex(new Document("account", 1)
                        .append("livemode", 1)
                        .append("created", -1)
                        .append("_id", -1));
                payments.createIndex(new Document("product", 1));
                long started = System.nanoTime();
                load(payments);
                report(
                        backend,
                        "inserted %,d documents with 2 secondary indexes in %.0f s",
                        documents,
                        seconds(started));
                server.clearCollectionScans();
                time(payments, backend);
                assertThat(server.collectionScans()).isEmpty();
                long loaded = usedHeap();
                report(
                        backend,
                        "heap used after GC: %,d MB (%,d MB above the JVM before the server started)",
                        loaded >> 20,
                        (loaded - baseline) >> 20);
                if (backend.equals("h2")) {
                    report(backend, "file %,d MB, MVStore cache %d MB", Files.size(file) >> 20, cacheMb);
                } else {
                    payments.createIndex(new Document("customer", 1));
                    report(
                            backend,
                            "one more single-key index over %,d documents: %,d MB of heap",
                            documents,
                            (usedHeap() - loaded) >> 20);
                }
            }
        }
    }

    /** ~10 small fields; 30% of the documents in one account, the rest spread over 1,000. */
    private void load(MongoCollection<Document> payments) {
        List<Document> batch = new ArrayList<>(1_000);
        for (int i = 0; i < documents; i++) {
            batch.add(new Document("_id", id(i))
                    .append("account", account(i))
                    .append("livemode", i % 2 == 0)
                    .append("created", created(i))
                    .append("product", "prod_" + i % 5_000)
                    .append("customer", "cus_" + i % 100_000)
                    .append("status", i % 10 == 0 ? "requires_action" : "succeeded")
                    .append("amount", 100L + i % 10_000)
                    .append("currency", "usd")
                    .append("version", 0)
                    .append("description", "payment number " + i));
            if (batch.size() == 1_000) {
                payments.insertMany(batch, new InsertManyOptions().ordered(false));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            payments.insertMany(batch);
        }
    }

    private void time(MongoCollection<Document> payments, String backend) {
        Bson bigAccount = and(eq("account", BIG_ACCOUNT), eq("livemode", true));
        Bson newestFirst = descending("created", "_id");
        measure(backend, "(a) first page of 20 (limit 21), account with 30% of the documents", i -> {
            assertThat(payments.find(bigAccount).sort(newestFirst).limit(21).into(new ArrayList<>()))
                    .hasSize(21);
        });
        measure(backend, "(b) keyset page after a cursor in the middle of that account", i -> {
            int cursor = 2 * (documents / 4 + random.nextInt(documents / 10)) / 10 * 10;
            Bson after = or(
                    lt("created", created(cursor)),
                    and(eq("created", created(cursor)), lt("_id", id(cursor))),
                    eq("created", null));
            assertThat(payments.find(and(bigAccount, after))
                            .sort(newestFirst)
                            .limit(21)
                            .into(new ArrayList<>()))
                    .hasSize(21);
        });
        measure(backend, "(c) find by _id", i -> {
            assertThat(payments.find(eq("_id", id(random.nextInt(documents)))).first())
                    .isNotNull();
        });
        int[] target = new int[2];
        measure(
                backend,
                "(d) updateOne {$and: [{_id}, {version}]}",
                i -> {
                    // untimed: the document and its current version (a reused file has updated some)
                    target[0] = random.nextInt(documents);
                    target[1] = payments.find(eq("_id", id(target[0]))).first().getInteger("version");
                },
                i -> assertThat(payments.updateOne(
                                        and(eq("_id", id(target[0])), eq("version", target[1])),
                                        Updates.inc("version", 1))
                                .getModifiedCount())
                        .isEqualTo(1));
    }

    private void measure(String backend, String what, IntConsumer query) {
        measure(backend, what, i -> {}, query);
    }

    private void measure(String backend, String what, IntConsumer untimed, IntConsumer query) {
        for (int i = 0; i < WARMUP; i++) {
            untimed.accept(i);
            query.accept(i);
        }
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            untimed.accept(i);
            long started = System.nanoTime();
            query.accept(i);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        report(
                backend,
                "%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                what,
                millis(nanos[SAMPLES / 2]),
                millis(nanos[SAMPLES * 99 / 100]),
                millis(nanos[SAMPLES - 1]));
    }

    private static String id(int i) {
        return String.format("pi_%07d", i);
    }

    /** Every tenth document in the big account (30%: three in ten). */
    private static String account(int i) {
        return i % 10 < 3 ? BIG_ACCOUNT : "acct_" + i % 1_000;
    }

    private static Date created(int i) {
        return Date.from(START.plusMillis(i));
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private void report(String backend, String format, Object... arguments) {
        System.out.printf(
                Locale.ROOT, "SCALE %s %,d: %s%n", backend, documents, String.format(Locale.ROOT, format, arguments));
    }
}
