package io.paystream.bench.stack;

import io.paystream.bench.support.PrometheusScrape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's backfill benchmark: the stack as {@code ./paystream up} runs it, the emulator seeded with a large account
 * (by default 100,000 customers, 200,000 PaymentIntents each with its charge, 20,000 subscriptions, 60,000 invoices),
 * then one backfill of it through catalog-sync, Kafka and payment-worker, the first after the stack started. Then the
 * same again for the demo shop's connected account on the now warm stack ({@code -Dbench.backfill.warm=false} skips
 * it). Reports objects applied per second end to end, the listing's use of the client-side limiter's budget, and each
 * service's peak heap, for each run.
 *
 * <p>A special setup, labelled so in the report: catalog-sync's test-mode limiter is set to Stripe's live limit
 * ({@code CATALOG_RATE_LIMIT_TEST}, 100/s by default here; the shipped test default is 20/s, below Stripe's 25/s for test
 * mode) and the emulator's own limit is lifted above it, because the local stack holds only a test key.
 */
public final class BackfillBenchmark {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ENDED = Set.of("succeeded", "partial", "failed", "abandoned", "skipped");
    private static final String ADMIN_TOKEN = "paystream-local-admin-token";
    private static final String PLATFORM = "platform";
    /** The local stack's demo shop (local-stack's DemoConnection): a connected account with keys. */
    private static final String DEMO_SHOP = "acct_1DemoShopPaystrm";

    private BackfillBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        BackfillReport.Seed seed = new BackfillReport.Seed(
                Integer.getInteger("bench.backfill.customers", 100_000),
                Integer.getInteger("bench.backfill.paymentIntents", 200_000),
                Integer.getInteger("bench.backfill.subscriptions", 20_000),
                Integer.getInteger("bench.backfill.invoices", 60_000));
        int rateLimit = Integer.getInteger("bench.backfill.rateLimit", 100);
        boolean warm = Boolean.parseBoolean(System.getProperty("bench.backfill.warm", "true"));
        Duration timeout = Duration.ofMinutes(Integer.getInteger("bench.backfill.timeoutMinutes", 30));
        Path results = repo.resolve("bench/results");
        LaunchedStack.deleteEarlierData(results);
        long tag = Instant.now().getEpochSecond();
        Path dataDir = results.resolve("stack-data-" + tag);

        System.out.println(
                "starting ./paystream up (catalog-sync's test limiter at " + rateLimit + "/s), data in " + dataDir);
        try (LaunchedStack stack = LaunchedStack.start(
                repo,
                dataDir,
                Duration.ofSeconds(300),
                Map.of("CATALOG_RATE_LIMIT_TEST", Integer.toString(rateLimit)))) {
            post("http://127.0.0.1:" + stack.ports().emulator() + "/_emulator/rate-limits?test=0&live=0", null);
            Map<String, ProcessHandle> processes = StackProcesses.of(stack.launcher());
            List<BackfillReport.Measured> runs = new ArrayList<>();
            runs.add(measure(
                    stack,
                    processes,
                    PLATFORM,
                    seed,
                    timeout,
                    "First backfill after start (the platform account): every JVM cold"));
            if (warm) {
                runs.add(measure(
                        stack,
                        processes,
                        DEMO_SHOP,
                        seed,
                        timeout,
                        "Second backfill, of the demo shop's connected account, on the same running stack: JVMs"
                                + " warm, the first run's documents already stored"));
            }
            String report = BackfillReport.render(runs, rateLimit, seed);
            System.out.println(report);
            Path file = results.resolve("backfill-" + tag + ".md");
            Files.writeString(file, report);
            System.out.println("report: " + file);
        }
    }

    /** Seeds {@code account} with {@code seed} and follows one backfill of it until the worker counted every object. */
    private static BackfillReport.Measured measure(
            LaunchedStack stack,
            Map<String, ProcessHandle> processes,
            String account,
            BackfillReport.Seed seed,
            Duration timeout,
            String label) {
        String emulator = "http://127.0.0.1:" + stack.ports().emulator();
        Instant seedStart = Instant.now();
        post(
                emulator + "/_emulator/seed-payments?livemode=false"
                        + (account.equals(PLATFORM) ? "" : "&account=" + account) + "&customers=" + seed.customers()
                        + "&payment_intents=" + seed.paymentIntents() + "&subscriptions=" + seed.subscriptions()
                        + "&invoices=" + seed.invoices(),
                null);
        System.out.printf(
                "%s: seeded in %.1f s%n",
                account, Duration.between(seedStart, Instant.now()).toMillis() / 1000.0);

        ServiceMetrics metrics = new ServiceMetrics(stack);
        Map<String, Duration> cpuBefore = cpu(processes);
        long processedBefore = workerBackfilled(stack, false);
        long appliedBefore = workerBackfilled(stack, true);
        Map<String, Long> peakHeap = new LinkedHashMap<>();

        Instant start = Instant.now();
        JsonNode started =
                post(stack.catalogUrl() + "/api/backfill?account=" + account + "&livemode=false", ADMIN_TOKEN);
        String runId = started.path("runId").asString();
        JsonNode run = started;
        Instant listed = null;
        long published = 0;
        long processed = 0;
        Instant deadline = start.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
            metrics.heapUsed().forEach((service, bytes) -> peakHeap.merge(service, bytes, Math::max));
            if (listed == null) {
                run = get(stack.catalogUrl() + "/api/backfill/" + runId, ADMIN_TOKEN);
                if (ENDED.contains(run.path("status").asString())) {
                    listed = Instant.now();
                    published = publishedToKafka(run);
                }
            }
            processed = workerBackfilled(stack, false) - processedBefore;
            System.out.printf(
                    "%5.0f s  %s backfill %s, worker processed %,d%n",
                    Duration.between(start, Instant.now()).toMillis() / 1000.0,
                    account,
                    run.path("status").asString(),
                    processed);
            if (listed != null && processed >= published) {
                break;
            }
        }
        Instant end = Instant.now();
        return new BackfillReport.Measured(
                label,
                run,
                start,
                listed,
                end,
                published,
                processed,
                workerBackfilled(stack, true) - appliedBefore,
                peakHeap,
                cpuBefore,
                cpu(processes));
    }

    /** Objects the run handed to Kafka (stripe.fetched): every type but products and prices, which catalog-sync writes. */
    private static long publishedToKafka(JsonNode run) {
        long published = 0;
        for (JsonNode target : run.path("targets")) {
            for (JsonNode type : target.path("types")) {
                String name = type.path("type").asString();
                if (!name.equals("products") && !name.equals("prices")) {
                    published += type.path("objects").asLong();
                }
            }
        }
        return published;
    }

    /** Backfilled records payment-worker has counted, any outcome (or only {@code applied}). */
    private static long workerBackfilled(LaunchedStack stack, boolean appliedOnly) {
        long count = 0;
        for (String line : PrometheusScrape.linesOrFail(stack.workerUrl() + "/actuator/prometheus")) {
            if (line.startsWith("paystream_worker_events_total{")
                    && line.contains("source=\"backfill\"")
                    && (!appliedOnly || line.contains("outcome=\"applied\""))) {
                count += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return count;
    }

    private static Map<String, Duration> cpu(Map<String, ProcessHandle> processes) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        processes.forEach((name, process) -> cpu.put(name, StackProcesses.cpu(process)));
        return cpu;
    }

    private static JsonNode post(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.noBody());
        return send(request, token, List.of(200, 202));
    }

    private static JsonNode get(String url, String token) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .GET(),
                token,
                List.of(200));
    }

    private static JsonNode send(HttpRequest.Builder request, String token, List<Integer> expected) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (!expected.contains(response.statusCode())) {
                throw new IllegalStateException(
                        request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
