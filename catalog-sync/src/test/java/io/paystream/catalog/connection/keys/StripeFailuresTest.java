package io.paystream.catalog.connection.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import io.paystream.catalog.connection.ConnectionProblem;
import io.paystream.catalog.connection.ConnectionRejectedException;
import io.paystream.catalog.stripe.StripeApiProperties;
import io.paystream.support.problem.ProblemType;
import io.paystream.testsupport.FreePorts;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every stripe-java failure becomes a specific problem, and Stripe's own message (which may quote a key) is dropped. */
class StripeFailuresTest {

    private static final String KEY = "sk_live_51AbCdEfGhIjKlMnOpQrStUvWxYz";

    private static ProblemType problemOf(Exception e) {
        return StripeFailures.map((com.stripe.exception.StripeException) e, "testing", KeyMask.mask(KEY))
                .problemType();
    }

    @Test
    void eachKindOfFailureHasItsProblem() {
        assertThat(problemOf(new AuthenticationException("Invalid API Key " + KEY, "req_1", null, 401)))
                .isEqualTo(ConnectionProblem.INVALID_API_KEY);
        assertThat(problemOf(new AuthenticationException("expired", "req_1", "api_key_expired", 401)))
                .isEqualTo(ConnectionProblem.REVOKED_API_KEY);
        assertThat(problemOf(new PermissionException("no", "req_1", null, 403)))
                .isEqualTo(ConnectionProblem.KEY_PERMISSION_DENIED);
        assertThat(problemOf(new RateLimitException("slow", null, "req_1", "rate_limit", 429, null)))
                .isEqualTo(ConnectionProblem.STRIPE_UNAVAILABLE);
        assertThat(problemOf(new ApiException("boom", "req_1", null, 500, null)))
                .isEqualTo(ConnectionProblem.STRIPE_UNAVAILABLE);
        assertThat(problemOf(new InvalidRequestException("bad", "url", "req_1", "url_invalid", 400, null)))
                .isEqualTo(ConnectionProblem.STRIPE_REJECTED);
    }

    @Test
    void stripesMessageNeverReachesTheDetail() {
        ConnectionRejectedException rejected = StripeFailures.map(
                new AuthenticationException("Invalid API Key provided: " + KEY, "req_1", null, 401),
                "testing",
                KeyMask.mask(KEY));

        assertThat(rejected.getMessage()).doesNotContain(KEY).contains("sk_live_...WxYz");
    }

    @Test
    void anUnreachableStripeIsARetryableProblem() {
        StripeGateway gateway = new StripeGateway(new StripeApiProperties(
                "http://127.0.0.1:" + FreePorts.next(),
                "2026-07-29.dahlia",
                "",
                "",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1)));

        assertThatThrownBy(() -> gateway.ownAccount(ApiKey.parse(KEY).orElseThrow()))
                .isInstanceOfSatisfying(ConnectionRejectedException.class, e -> {
                    assertThat(e.problemType()).isEqualTo(ConnectionProblem.STRIPE_UNREACHABLE);
                    assertThat(e.problemType().retryable()).isTrue();
                    assertThat(e.problemType().status().value()).isEqualTo(503);
                });
    }

    @Test
    void keysAreMaskedToPrefixAndLastFour() {
        assertThat(KeyMask.mask(KEY)).isEqualTo("sk_live_...WxYz");
        assertThat(KeyMask.mask("pk_test_51xyzxyzxyzxyzwxyz")).isEqualTo("pk_test_...wxyz");
        assertThat(KeyMask.mask("sk_live_short")).isEqualTo("sk_live_...");
        assertThat(KeyMask.mask("not a key at all, long enough")).isEqualTo("...ough");
        assertThat(ApiKey.parse(KEY).orElseThrow().toString()).doesNotContain(KEY);
    }
}
