package io.paystream.catalog.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpContent;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * stripe-java's transport on the JDK's {@link HttpClient}, in place of its {@code HttpURLConnectionClient}.
 *
 * <p>Why hand-written: {@code HttpURLConnectionClient} builds the {@code X-Stripe-Client-User-Agent} header anew for
 * every request, and doing so looks gson's version up on the classpath. Inside the packaged service (a nested jar)
 * that lookup cost 0.6 ms of CPU per request, 11% of a backfill's listing thread (JFR, bench/README.md). That header
 * never changes within a process, so it is built once here. Everything else follows {@code HttpURLConnectionClient}:
 * the request's own headers, its content and content type, the request's connect and read timeouts, and every I/O
 * failure (or an answer not complete in time) reported as an {@link ApiConnectionException}, which the retry policy
 * treats as unanswered.
 *
 * <p>HTTP/1.1 only: Stripe's API speaks it, and over plain HTTP (the emulator, a Stripe-compatible API) the JDK
 * client would otherwise offer an upgrade to HTTP/2 on every new connection.
 */
final class JdkStripeTransport extends com.stripe.net.HttpClient {

    private static final String CLIENT_USER_AGENT = buildXStripeClientUserAgentString();

    private final HttpClient client;

    JdkStripeTransport(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        HttpRequest httpRequest = toHttpRequest(request);
        Duration limit = wholeExchangeLimit(request);
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = exchange.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new StripeResponse(
                    response.statusCode(), HttpHeaders.of(response.headers().map()), response.body());
        } catch (ExecutionException e) {
            throw new ApiConnectionException(
                    "API request to Stripe (" + request.url().getHost() + ") failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new ApiConnectionException(
                    "no complete answer from Stripe (" + request.url().getHost() + ") within " + limit, e);
        } catch (InterruptedException e) {
            // the caller is being stopped: keep the flag for it, report the request as unanswered
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted during API request to Stripe", e);
        }
    }

    /**
     * The request's timeout only bounds the wait for the answer's head; HttpURLConnection's read timeout bounded every
     * read of the body too. So the whole exchange is bounded here as well: connect plus read timeout, so that a body
     * that stops arriving cannot hold a backfill's thread for good.
     */
    private static Duration wholeExchangeLimit(StripeRequest request) {
        Integer connect = request.options().getConnectTimeout();
        Integer read = request.options().getReadTimeout();
        return Duration.ofMillis((connect == null ? 30_000 : connect) + (read == null ? 80_000 : read));
    }

    private static HttpRequest toHttpRequest(StripeRequest request) throws ApiConnectionException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(request.url().toURI());
        } catch (URISyntaxException e) {
            throw new ApiConnectionException("not a valid request URL: " + e.getMessage(), e);
        }
        Integer readTimeout = request.options().getReadTimeout();
        if (readTimeout != null && readTimeout > 0) {
            builder.timeout(Duration.ofMillis(readTimeout));
        }
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
            builder.setHeader(header.getKey(), String.join(",", header.getValue()));
        }
        builder.setHeader("User-Agent", buildUserAgentString(request));
        builder.setHeader("X-Stripe-Client-User-Agent", CLIENT_USER_AGENT);
        HttpContent content = request.content();
        String method = request.method().name();
        if (content == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.setHeader("Content-Type", content.contentType());
            builder.method(method, HttpRequest.BodyPublishers.ofByteArray(content.byteArrayContent()));
        }
        return builder.build();
    }
}
