package io.paystream.bench.worker;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.paystream.bench.support.SignedEvents.SignedEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.bson.Document;

/**
 * End-to-end latency as a downstream reader sees it: from webhook-ingest's 200 to the payment's document being
 * readable in MongoDB. Sends signed events at a fixed rate (open loop: a slow response does not slow the sender), and a
 * reader polls the collection for the ids that were acknowledged but not yet seen.
 */
final class EndToEndLatency {

    /**
     * @param sent requests sent
     * @param accepted answered 200
     * @param seen accepted events whose state became visible
     * @param acceptedPerSecond the rate the 200s actually came at (below the asked rate when the senders fell behind)
     * @param p50Millis median ingest-200-to-visible
     * @param p99Millis 99th percentile
     * @param maxMillis slowest
     * @param failures what the requests that did not get a 200 got instead (status code or exception), with counts
     */
    record Result(
            int sent,
            int accepted,
            int seen,
            double acceptedPerSecond,
            double p50Millis,
            double p99Millis,
            double maxMillis,
            Map<String, Integer> failures) {}

    static final int POLL_MILLIS = 5;

    /** Blocking senders; at 1,000/s and a few ms per answer, a handful are busy at any moment. */
    static final int SENDERS = 32;

    private EndToEndLatency() {}

    static Result run(
            String webhookUrl, MongoCollection<Document> payments, List<SignedEvent> events, int ratePerSecond)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Map<String, Long> awaiting = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastAnswerAt = new AtomicLong();

        Thread reader = new Thread(() -> readUntilInterrupted(payments, awaiting, latencies), "visibility-reader");
        reader.setDaemon(true);
        reader.start();

        // Open loop on a schedule: request i is due at start + i * period whatever happened to earlier ones. A fixed
        // set of blocking senders (each with its own keep-alive connection) keeps the number of connections bounded;
        // the asynchronous client used before opened one per outstanding request and drowned the ingest's accept
        // queue whenever a response was slow.
        long periodNanos = 1_000_000_000L / ratePerSecond;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS, daemon("e2e-sender"));
        for (int s = 0; s < SENDERS; s++) {
            senders.execute(() -> {
                for (int i = next.getAndIncrement(); i < events.size(); i = next.getAndIncrement()) {
                    long due = start + i * periodNanos;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    SignedEvent event = events.get(i);
                    String outcome = send(http, request(webhookUrl, event));
                    if (outcome == null) {
                        awaiting.putIfAbsent(event.objectId(), System.nanoTime());
                        accepted.incrementAndGet();
                    } else {
                        failures.merge(outcome, 1, Integer::sum);
                    }
                    lastAnswerAt.accumulateAndGet(System.nanoTime(), Math::max);
                }
            });
        }
        senders.shutdown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(events.size() / ratePerSecond + 60);
        senders.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        while (!awaiting.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        senders.shutdownNow();
        reader.interrupt();
        reader.join();

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = Math.max(1, lastAnswerAt.get() - start) / 1e9;
        return new Result(
                Math.min(next.get(), events.size()),
                accepted.get(),
                sorted.length,
                accepted.get() / seconds,
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                Map.copyOf(failures));
    }

    private static HttpRequest request(String webhookUrl, SignedEvent event) {
        return HttpRequest.newBuilder(URI.create(webhookUrl))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", event.signature())
                .POST(HttpRequest.BodyPublishers.ofString(event.body()))
                .build();
    }

    /**
     * Sends once, and once more if the connection failed before any answer: what Stripe itself does (it redelivers), and
     * what the JDK client does not do for a POST on a pooled connection the server closed after its keep-alive limit.
     *
     * @return {@code null} for a 200, otherwise what came back instead (status code, or exception type and message)
     */
    private static String send(HttpClient http, HttpRequest request) {
        String outcome = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
            } catch (IOException e) {
                String message = String.valueOf(e.getMessage());
                outcome = e.getClass().getSimpleName() + ": " + message.substring(0, Math.min(60, message.length()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return outcome;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void readUntilInterrupted(
            MongoCollection<Document> payments, Map<String, Long> awaiting, List<Long> latencies) {
        while (!Thread.currentThread().isInterrupted()) {
            List<String> ids = awaiting.keySet().stream().limit(500).toList();
            if (!ids.isEmpty()) {
                for (Document found : payments.find(Filters.in("_id", ids)).projection(Projections.include("_id"))) {
                    Long acceptedAt = awaiting.remove(found.getString("_id"));
                    if (acceptedAt != null) {
                        latencies.add(System.nanoTime() - acceptedAt);
                    }
                }
            }
            // every 5 ms: fine enough for a 200 ms target, and a 1 ms poll of up to 500 ids kept the embedded MongoDB
            // server (in this JVM) busy enough to starve the services it measures
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
    }

    private static double percentile(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
