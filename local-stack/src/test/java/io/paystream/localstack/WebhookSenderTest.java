package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code send} against a stand-in endpoint that records what arrives and checks it with stripe-java's verifier. */
class WebhookSenderTest {

    record Received(byte[] body, String signature, String contentType) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private HttpServer server;
    private String url;

    @BeforeEach
    void startEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/webhooks/stripe", exchange -> {
            received.add(new Received(
                    exchange.getRequestBody().readAllBytes(),
                    exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            byte[] reply = (answer.get() == 200 ? "{\"status\":\"accepted\"}" : "{\"error\":\"bad_signature\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/stripe";
    }

    @AfterEach
    void stopEndpoint() {
        server.stop(0);
    }

    @Test
    void sendsTheFixtureBytesUnchangedWithASignatureStripeJavaAccepts() throws Exception {
        var event = FixtureSelection.resolve("payment_intent.succeeded", "sig1").get(0);

        WebhookSender.Delivery delivery = new WebhookSender(java.net.URI.create(url), "whsec_test").send(event);

        assertThat(delivery.accepted()).isTrue();
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.body()).isEqualTo(event.body());
            assertThat(r.contentType()).startsWith("application/json");
            // throws SignatureVerificationException if the header does not match body and secret
            Webhook.Signature.verifyHeader(
                    new String(r.body(), StandardCharsets.UTF_8), r.signature(), "whsec_test", 300);
        });
    }

    @Test
    void sendCommandDeliversEachLifecycleEventPerRunWithFreshIdsAndTheDevSecret() {
        Console console = Console.run("send", "local-stack-smoke", "--count", "2", "--url", url);

        assertThat(console.exitCode()).as(console.err()).isZero();
        assertThat(received).hasSize(4);
        assertThat(received.stream().map(r -> new String(r.body(), StandardCharsets.UTF_8)))
                .doesNotHaveDuplicates();
        received.forEach(r -> assertThat(verifies(r, StackSettings.DEV_SECRET)).isTrue());
        assertThat(console.out())
                .contains("200  payment_intent.created")
                .contains("200  payment_intent.succeeded")
                .contains("4 sent to " + url + ", 4 accepted, 0 refused");
    }

    @Test
    void sendCommandSignsWithTheGivenSecret() {
        Console console = Console.run("send", "payment_intent.succeeded", "--url", url, "--secret", "whsec_listen");

        assertThat(console.exitCode()).isZero();
        assertThat(verifies(received.get(0), "whsec_listen")).isTrue();
        assertThat(verifies(received.get(0), StackSettings.DEV_SECRET)).isFalse();
    }

    @Test
    void aRefusedEventIsShownWithTheEndpointsReasonAndExitsWith1() {
        answer.set(400);

        Console console = Console.run("send", "payment_intent.succeeded", "--url", url);

        assertThat(console.exitCode()).isEqualTo(1);
        assertThat(console.out())
                .contains("400  payment_intent.succeeded")
                .contains("{\"error\":\"bad_signature\"}")
                .contains("1 sent to " + url + ", 0 accepted, 1 refused");
    }

    private static boolean verifies(Received r, String secret) {
        try {
            Webhook.Signature.verifyHeader(new String(r.body(), StandardCharsets.UTF_8), r.signature(), secret, 300);
            return true;
        } catch (com.stripe.exception.SignatureVerificationException e) {
            return false;
        }
    }
}
