package io.paystream.emulator;

import io.paystream.testsupport.StripeWebhookSigner;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers events like Stripe: asynchronously, one signed POST per target, a fresh signature on every attempt,
 * bounded retries with backoff. One background thread, so API calls never wait for a receiver. Retries are seconds
 * apart, not Stripe's hours: this is a test double.
 */
final class WebhookDispatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
    static final int MAX_ATTEMPTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread worker = new Thread(runnable, "stripe-emulator-webhooks");
        worker.setDaemon(true);
        return worker;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private double dropShare;
    private Random drops = new Random(0);
    private final AtomicLong dropped = new AtomicLong();

    /** From now on a {@code share} (0..1) of deliveries is dropped: never sent, never counted as delivered. */
    synchronized void dropShare(double share, long seed) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("share must be between 0 and 1, got " + share);
        }
        dropShare = share;
        drops = new Random(seed);
    }

    long dropped() {
        return dropped.get();
    }

    synchronized void deliver(Deliverable event, List<WebhookTarget> targets) {
        for (WebhookTarget target : targets) {
            if (dropShare > 0 && drops.nextDouble() < dropShare) {
                dropped.incrementAndGet();
                continue;
            }
            schedule(event, target, 1, Duration.ZERO);
        }
    }

    private void schedule(Deliverable event, WebhookTarget target, int attempt, Duration delay) {
        if (thread.isShutdown()) {
            return;
        }
        thread.schedule(() -> attempt(event, target, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(Deliverable event, WebhookTarget target, int attempt) {
        byte[] payload = event.payload();
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Stripe-Signature", StripeWebhookSigner.header(payload, target.secret()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (status >= 200 && status < 300) {
            event.delivered();
            return;
        }
        if (attempt < MAX_ATTEMPTS) {
            schedule(event, target, attempt + 1, FIRST_BACKOFF.multipliedBy(1L << (2 * (attempt - 1))));
        } else {
            LOG.log(
                    Level.WARNING,
                    "Gave up delivering {0} ({1}) to {2} after {3} attempts, last status {4}",
                    event.eventId(),
                    event.eventType(),
                    target.url(),
                    attempt,
                    status);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
