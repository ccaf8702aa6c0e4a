package io.paystream.catalog.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.net.ApiResource;
import com.stripe.net.StripeResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport against a plain HTTP server: what it sends, what it answers, and a body that stops arriving. */
class JdkStripeTransportTest {

    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/customers", this::answer);
        server.createContext("/v1/stalled", this::stall);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void sendsTheRequestsHeadersAndBodyAndReturnsTheAnswerAsStripeSentIt() throws Exception {
        StripeResponse response = client(Duration.ofSeconds(20))
                .rawRequest(ApiResource.RequestMethod.POST, "/v1/customers", "name=Zo%C3%AB", null);

        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":\"cus_1\",\"name\":\"Zoë\"}");
        assertThat(response.headers().firstValue("Request-Id")).hasValue("req_1");
        assertThat(seen)
                .containsEntry("method", "POST")
                .containsEntry("authorization", "Bearer sk_test_transport")
                .containsEntry("stripe-account", "acct_1Transport")
                .containsEntry("content-type", "application/x-www-form-urlencoded;charset=UTF-8")
                .containsEntry("body", "name=Zo%C3%AB");
        assertThat(seen.get("user-agent")).startsWith("Stripe/v1 JavaBindings/");
        assertThat(seen.get("x-stripe-client-user-agent")).contains("\"lang\":\"Java\"");
    }

    @Test
    void anAnswerWhoseBodyStopsArrivingFailsAsUnansweredInsteadOfHoldingTheThread() {
        assertThatThrownBy(() -> client(Duration.ofSeconds(1))
                        .rawRequest(ApiResource.RequestMethod.GET, "/v1/stalled", null, null))
                .isInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("no complete answer");
    }

    @Test
    void aServerThatIsNotThereIsAnApiConnectionException() {
        server.stop(0);

        assertThatThrownBy(() -> client(Duration.ofSeconds(5))
                        .rawRequest(ApiResource.RequestMethod.GET, "/v1/customers", null, null))
                .isInstanceOf(ApiConnectionException.class);
    }

    private StripeClient client(Duration readTimeout) {
        return StripeClient.builder()
                .setApiKey("sk_test_transport")
                .setStripeAccount("acct_1Transport")
                .setApiBase("http://127.0.0.1:" + server.getAddress().getPort())
                .setConnectTimeout(1000)
                .setReadTimeout(Math.toIntExact(readTimeout.toMillis()))
                .setMaxNetworkRetries(0)
                .setHttpClient(new JdkStripeTransport(Duration.ofSeconds(1)))
                .build();
    }

    private void answer(HttpExchange exchange) throws IOException {
        seen.put("method", exchange.getRequestMethod());
        exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), String.join(",", values)));
        seen.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] body = "{\"id\":\"cus_1\",\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().add("Request-Id", "req_1");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends the head and half a body, then waits until the test ends. */
    private void stall(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 100);
        OutputStream out = exchange.getResponseBody();
        out.write("{\"id\":".getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            release.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }
}
