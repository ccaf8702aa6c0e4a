package io.paystream.catalog.event;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.sun.management.OperatingSystemMXBean;
import io.paystream.catalog.product.CatalogObject;
import io.paystream.catalog.product.CatalogStore;
import io.paystream.catalog.product.CatalogWriter;
import io.paystream.events.EventShape;
import io.paystream.events.StripeEventId;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.Topics;
import io.paystream.testsupport.EmbeddedMongoServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A component measurement of the event path, not a test: polled batches of product and price events (~2.4 KB each,
 * like the peer's) handed to the listener as the container would, on the embedded Mongo server in this JVM, first on
 * an empty catalog (the events create it), then on catalogs seeded with each of {@code measure.products} products and
 * three prices each (through the writer a full sync uses), where every event updates a random existing object, so the
 * same work is timed on a small and a large catalog. Reports events/s, the time per batch and the process's CPU per
 * event (event path and server together: on a shared machine the steadier figure); writes the report to
 * {@code target/catalog-event-path.txt}.
 *
 * <p>Run: {@code ./mvnw -o -q -pl catalog-sync test -Dtest=CatalogEventPathMeasurement -Dcatalog.measure=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; options {@code -Dmeasure.products=1000,100000},
 * {@code -Dmeasure.events=20000} (per phase, the first fifth a warm-up), {@code -Dmeasure.batch=500},
 * {@code -Dmeasure.backend=memory|h2} (h2: the file backend the local stack uses).
 */
@EnabledIfSystemProperty(named = "catalog.measure", matches = "true")
class CatalogEventPathMeasurement {

    private static final String ACCOUNT = "platform";
    private static final String PADDING = "x".repeat(1_700);
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final List<Integer> sizes = Arrays.stream(
                    System.getProperty("measure.products", "1000,100000").split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .toList();
    private final int events = Integer.getInteger("measure.events", 20_000);
    private final int batchSize = Integer.getInteger("measure.batch", 500);
    private final String backend = System.getProperty("measure.backend", "memory");
    private final long t0 = Instant.now().getEpochSecond();
    private final StringBuilder report = new StringBuilder();
    private int printed;

    @Test
    void eventsPerSecondFromAnEmptyToAFullCatalog() throws IOException {
        Path work = Files.createTempDirectory("catalog-measure");
        Path file = work.resolve("mongo.mv");
        try (EmbeddedMongoServer server = "h2".equals(backend)
                        ? EmbeddedMongoServer.persistent(file, 0)
                        : EmbeddedMongoServer.inMemory();
                MongoClient client = MongoClients.create(server.connectionString("paystream"))) {
            report.append("catalog-sync event path, %s backend, batches of %d, %d cores, Java %s%n"
                    .formatted(
                            backend,
                            batchSize,
                            Runtime.getRuntime().availableProcessors(),
                            System.getProperty("java.version")));
            MongoDatabase empty = client.getDatabase("empty");
            measure("empty catalog, events create it", empty, creations());
            flush();

            for (int size : sizes) {
                MongoDatabase full = client.getDatabase("seeded" + size);
                long seeding = System.nanoTime();
                seed(full, size);
                report.append("seeded %,d products and %,d prices in %.1f s%n"
                        .formatted(size, size * 3L, (System.nanoTime() - seeding) / 1e9));
                measure("%,d products / %,d prices, random updates".formatted(size, size * 3L), full, updates(size));
                flush();
                full.drop(); // the next size's server memory to itself
            }
        } finally {
            Files.deleteIfExists(file); // h2 only; closing its store compacts the file first, which takes a while
            Files.delete(work);
        }
    }

    /** Prints and writes the report so far: each phase's figures survive a run stopped later. */
    private void flush() throws IOException {
        System.out.print(report.substring(printed));
        printed = report.length();
        Files.writeString(Path.of("target", "catalog-event-path.txt"), report);
    }

    private void measure(String label, MongoDatabase database, List<ProducerRecord<String, byte[]>> sent) {
        EventPath path = new EventPath(database, Clock.systemUTC());
        List<List<ConsumerRecord<String, byte[]>>> batches = new ArrayList<>();
        for (int from = 0; from < sent.size(); from += batchSize) {
            batches.add(path.batch(sent.subList(from, Math.min(sent.size(), from + batchSize))));
        }
        int warmUp = Math.max(1, batches.size() / 5); // JIT and the server's first allocations, not counted
        batches.subList(0, warmUp).forEach(path.listener::onEvents);
        long[] nanos = new long[batches.size() - warmUp];
        int measured = 0;
        double loadBefore = OS.getSystemLoadAverage();
        long cpuStart = OS.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = warmUp; i < batches.size(); i++) {
            long batchStart = System.nanoTime();
            path.listener.onEvents(batches.get(i));
            nanos[i - warmUp] = System.nanoTime() - batchStart;
            measured += batches.get(i).size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (OS.getProcessCpuTime() - cpuStart) / 1e9;
        Arrays.sort(nanos);
        report.append(
                "%s: %,d events in %.2f s = %,.0f events/s; per batch p50 %d ms, p99 %d ms, max %d ms (all batches: applied %,.0f, stale %,.0f)%n"
                        .formatted(
                                label,
                                measured,
                                seconds,
                                measured / seconds,
                                nanos[nanos.length / 2] / 1_000_000,
                                nanos[(int) (nanos.length * 0.99)] / 1_000_000,
                                nanos[nanos.length - 1] / 1_000_000,
                                path.events("product.updated", "applied")
                                        + path.events("price.updated", "applied")
                                        + path.events("product.created", "applied")
                                        + path.events("price.created", "applied"),
                                path.events("product.updated", "stale") + path.events("price.updated", "stale")));
        // Other processes share the cores: the CPU this process spent per event (the event path and the embedded
        // server together) says what an otherwise idle core would do, whatever the machine's load was.
        report.append("    CPU %.2f s = %.0f us per event, %,.0f events/s per busy core; load average %.1f -> %.1f%n"
                .formatted(
                        cpuSeconds,
                        cpuSeconds * 1e6 / measured,
                        measured / cpuSeconds,
                        loadBefore,
                        OS.getSystemLoadAverage()));
    }

    /** A product and its three prices created, in turn, until {@code events}. */
    private List<ProducerRecord<String, byte[]>> creations() {
        List<ProducerRecord<String, byte[]>> sent = new ArrayList<>(events);
        for (int i = 0; sent.size() < events; i++) {
            sent.add(productEvent("product.created", "prod_new" + i, t0));
            for (int p = 0; p < 3 && sent.size() < events; p++) {
                sent.add(priceEvent("price.created", "price_new" + i + "_" + p, "prod_new" + i, t0));
            }
        }
        return sent;
    }

    /** Half product updates, half price updates, of random existing objects, each newer than the sync's state. */
    private List<ProducerRecord<String, byte[]>> updates(int products) {
        Random random = new Random(11);
        List<ProducerRecord<String, byte[]>> sent = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            int product = random.nextInt(products);
            sent.add(
                    i % 2 == 0
                            ? productEvent("product.updated", productId(product), t0 + i)
                            : priceEvent(
                                    "price.updated", priceId(product, random.nextInt(3)), productId(product), t0 + i));
        }
        return sent;
    }

    /** The catalog a full sync leaves, written by the sync's own writer in pages. */
    private void seed(MongoDatabase database, int products) {
        CatalogStore.createIndexes(database);
        CatalogWriter writer = CatalogStore.writer(database, Clock.systemUTC());
        Instant listedAt = Instant.ofEpochSecond(t0 - 3600);
        int page = 1_000;
        for (int from = 0; from < products; from += page) {
            List<CatalogObject> productPage = new ArrayList<>();
            List<CatalogObject> pricePage = new ArrayList<>();
            for (int i = from; i < Math.min(products, from + page); i++) {
                productPage.add(new CatalogObject(
                        CatalogObject.Kind.PRODUCT,
                        productId(i),
                        productId(i),
                        new Document("name", "Product " + i)
                                .append("active", true)
                                .append("description", PADDING),
                        listedAt));
                for (int p = 0; p < 3; p++) {
                    pricePage.add(new CatalogObject(
                            CatalogObject.Kind.PRICE,
                            priceId(i, p),
                            productId(i),
                            new Document("product", productId(i))
                                    .append("active", true)
                                    .append("currency", "usd")
                                    .append("type", "one_time")
                                    .append("nickname", PADDING),
                            null));
                }
            }
            writer.writeListed(ACCOUNT, false, "seed", productPage, listedAt);
            for (int p = 0; p < pricePage.size(); p += page) {
                writer.writeListed(
                        ACCOUNT, false, "seed", pricePage.subList(p, Math.min(pricePage.size(), p + page)), listedAt);
            }
        }
    }

    private static String productId(int i) {
        return "prod_%07d".formatted(i);
    }

    private static String priceId(int product, int p) {
        return "price_%07d_%d".formatted(product, p);
    }

    private ProducerRecord<String, byte[]> productEvent(String type, String productId, long created) {
        String object = """
                {"id":"%s","object":"product","active":true,"name":"Product %s","description":"%s","created":%d,\
                "updated":%d,"livemode":false,"metadata":{"plan":"standard"},"default_price":null}""".formatted(productId, productId, PADDING, t0 - 7200, created);
        return record(type, created, productId, object);
    }

    private ProducerRecord<String, byte[]> priceEvent(String type, String priceId, String productId, long created) {
        String object = """
                {"id":"%s","object":"price","active":true,"currency":"usd","unit_amount":1500,"type":"one_time",\
                "billing_scheme":"per_unit","recurring":null,"product":"%s","created":%d,"livemode":false,\
                "metadata":{},"nickname":"%s","lookup_key":null,"tax_behavior":"unspecified"}""".formatted(priceId, productId, t0 - 7200, PADDING);
        return record(type, created, productId, object);
    }

    private ProducerRecord<String, byte[]> record(String type, long created, String key, String object) {
        String eventId = "evt_" + type.charAt(1) + created + "_" + key;
        String body = """
                {"id":"%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,"livemode":false,\
                "pending_webhooks":1,"type":"%s","data":{"object":%s}}""".formatted(eventId, created, type, object);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.STRIPE_EVENTS, key, body.getBytes(StandardCharsets.UTF_8));
        new StripeEventMetadata(
                        new StripeEventId(eventId),
                        type,
                        EventShape.SNAPSHOT,
                        null,
                        false,
                        "2026-07-29.dahlia",
                        Instant.ofEpochSecond(created),
                        "default",
                        "default",
                        Instant.now())
                .toHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
