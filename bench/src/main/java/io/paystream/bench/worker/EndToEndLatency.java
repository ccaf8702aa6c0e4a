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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
     * @param p50Millis median ingest-200-to-visible
     * @param p99Millis 99th percentile
     * @param maxMillis slowest
     * @param failures what the requests that did not get a 200 got instead (status code or exception), with counts
     */
    record Result(
            int sent,
            int accepted,
            int seen,
            double p50Millis,
            double p99Millis,
            double maxMillis,
            Map<String, Integer> failures) {}

    static final int POLL_MILLIS = 5;

    private EndToEndLatency() {}

    static Result run(
            String webhookUrl, MongoCollection<Document> payments, List<SignedEvent> events, int ratePerSecond)
            throws InterruptedException {
        ExecutorService callbacks = Executors.newFixedThreadPool(4, daemon("e2e-http"));
        HttpClient http = HttpClient.newBuilder()
                .executor(callbacks)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Map<String, Long> awaiting = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();

        Thread reader = new Thread(() -> readUntilInterrupted(payments, awaiting, latencies), "visibility-reader");
        reader.setDaemon(true);
        reader.start();

        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(daemon("e2e-sender"));
        AtomicInteger next = new AtomicInteger();
        long periodNanos = 1_000_000_000L / ratePerSecond;
        sender.scheduleAtFixedRate(
                () -> {
                    int i = next.getAndIncrement();
                    if (i >= events.size()) {
                        return;
                    }
                    SignedEvent event = events.get(i);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(webhookUrl))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("Stripe-Signature", event.signature())
                            .POST(HttpRequest.BodyPublishers.ofString(event.body()))
                            .build();
                    sendWithOneRetry(http, request).whenComplete((response, error) -> {
                        if (error == null && response.statusCode() == 200) {
                            awaiting.putIfAbsent(event.objectId(), System.nanoTime());
                            accepted.incrementAndGet();
                        } else {
                            failures.merge(describe(response, error), 1, Integer::sum);
                        }
                        completed.incrementAndGet();
                    });
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(events.size() / ratePerSecond + 60);
        while ((completed.get() < events.size() || !awaiting.isEmpty()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        sender.shutdownNow();
        callbacks.shutdownNow();
        reader.interrupt();
        reader.join();

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(
                Math.min(next.get(), events.size()),
                accepted.get(),
                sorted.length,
                percentile(sorted, 50),
                percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                Map.copyOf(failures));
    }

    /**
     * Sends once, and once more if the connection failed before any answer: what Stripe itself does (it redelivers), and
     * what the JDK client does not do for a POST on a pooled connection the server closed after its keep-alive limit.
     */
    private static CompletableFuture<HttpResponse<Void>> sendWithOneRetry(HttpClient http, HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null
                        ? CompletableFuture.completedFuture(response)
                        : unwrap(error) instanceof IOException
                                ? http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                                : CompletableFuture.<HttpResponse<Void>>failedFuture(error))
                .thenCompose(next -> next);
    }

    /** The status code, or the root exception's type and message, so a failure in the report says what it was. */
    private static String describe(HttpResponse<Void> response, Throwable error) {
        if (error == null) {
            return "HTTP " + response.statusCode();
        }
        Throwable cause = unwrap(error);
        String message = String.valueOf(cause.getMessage());
        return cause.getClass().getSimpleName() + ": " + message.substring(0, Math.min(60, message.length()));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
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
