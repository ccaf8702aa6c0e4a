package io.paystream.catalog.connection;

import io.paystream.support.problem.ProblemType;
import io.paystream.support.problem.StandardProblem;
import org.springframework.http.HttpStatus;

/**
 * Every way a connection request can fail, one per mistake a customer makes (or per thing that can break), each with
 * its own problem {@code type} URI ({@value ProblemType#TYPE_ROOT}&lt;code&gt;) so a client can react to it without
 * parsing text. The problems every service has ({@code invalid-request}, {@code event-bus-unavailable},
 * {@code store-unavailable}) are service-support's {@link StandardProblem}s, under the same codes this API published
 * them with.
 */
public enum ConnectionProblem implements ProblemType.Enumerated {
    MALFORMED_KEY(HttpStatus.BAD_REQUEST, "Not a Stripe API key", false),
    WRONG_KEY_TYPE(HttpStatus.UNPROCESSABLE_CONTENT, "Wrong kind of key", false),
    KEY_MODE_MISMATCH(HttpStatus.UNPROCESSABLE_CONTENT, "Keys from different modes", false),
    TEST_KEY_FOR_LIVE(HttpStatus.UNPROCESSABLE_CONTENT, "Test key for a live connection", false),
    LIVE_KEY_FOR_TEST(HttpStatus.UNPROCESSABLE_CONTENT, "Live key for a test connection", false),
    INVALID_API_KEY(HttpStatus.UNPROCESSABLE_CONTENT, "Stripe does not recognise the key", false),
    REVOKED_API_KEY(HttpStatus.UNPROCESSABLE_CONTENT, "The key was revoked or has expired", false),
    KEY_PERMISSION_DENIED(HttpStatus.UNPROCESSABLE_CONTENT, "The key lacks a permission", false),
    ACCOUNT_CANNOT_CHARGE(HttpStatus.UNPROCESSABLE_CONTENT, "The account cannot accept payments yet", false),
    UNSUPPORTED_CURRENCY(HttpStatus.UNPROCESSABLE_CONTENT, "Currency not supported by the account", false),
    ACCOUNT_NOT_FOUND(HttpStatus.UNPROCESSABLE_CONTENT, "No such connected account", false),
    STRIPE_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "Stripe refused the request", false),
    ALREADY_CONNECTED(HttpStatus.CONFLICT, "Account already connected", false),
    NOT_ONBOARDING(HttpStatus.CONFLICT, "Not an onboarding connection", false),
    CONNECTION_DISCONNECTED(HttpStatus.CONFLICT, "Connection disconnected", false),
    CONNECTION_NOT_FOUND(HttpStatus.NOT_FOUND, "No such connection", false),
    STRIPE_UNREACHABLE(HttpStatus.SERVICE_UNAVAILABLE, "Stripe unreachable", true),
    STRIPE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Stripe unavailable", true),
    CONNECT_NOT_CONFIGURED(HttpStatus.SERVICE_UNAVAILABLE, "Stripe Connect not configured", false);

    /** {@code store-unavailable} under the title this API always gave it. Not a constant of this enum. */
    public static final ProblemType STORE_UNAVAILABLE =
            StandardProblem.STORE_UNAVAILABLE.titled("Connection store unavailable");

    /** What the constant stands for; a constant's code is its name in lower-case words ({@code wrong-key-type}). */
    private final ProblemType type;

    ConnectionProblem(HttpStatus status, String title, boolean retryable) {
        this.type = ProblemType.of(ProblemType.codeOf(this), status, title, retryable);
    }

    @Override
    public ProblemType definition() {
        return type;
    }
}
