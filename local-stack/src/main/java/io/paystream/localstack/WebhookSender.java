package io.paystream.localstack;

import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import io.paystream.testsupport.StripeWebhookSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Signs fixture events as Stripe would and POSTs them to a webhook endpoint, one request per event. */
final class WebhookSender {

    private final HttpClient http;
    private final URI url;
    private final String secret;

    WebhookSender(URI url, String secret) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.url = url;
        this.secret = secret;
    }

    /**
     * The outcome of one delivery.
     *
     * @param reason the endpoint's short answer, cut to keep one line per event
     */
    record Delivery(FixtureEvent event, int status, String reason, Duration took) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    /** Signs with the current time, like Stripe does on each delivery attempt. */
    Delivery send(FixtureEvent event) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks; paystream local-stack)")
                .header("Stripe-Signature", StripeWebhookSigner.header(event.body(), secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(event.body()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Delivery(
                event,
                response.statusCode(),
                RecordPreview.shorten(response.body(), 120),
                Duration.ofNanos(System.nanoTime() - started));
    }
}
