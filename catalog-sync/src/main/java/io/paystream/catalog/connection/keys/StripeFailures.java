package io.paystream.catalog.connection.keys;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import io.paystream.catalog.connection.ConnectionProblem;
import io.paystream.catalog.connection.ConnectionRejectedException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns stripe-java's exceptions into the specific problem the customer or operator can act on. Stripe's own message
 * is never passed on or logged: an authentication error's message can quote the key. The code and request id are
 * safe and enough to find the request in Stripe's logs.
 */
final class StripeFailures {

    private static final Logger log = LoggerFactory.getLogger(StripeFailures.class);

    static final String API_KEY_EXPIRED = "api_key_expired";
    static final String RESOURCE_MISSING = "resource_missing";

    private StripeFailures() {}

    static boolean isMissing(StripeException e) {
        return e instanceof InvalidRequestException
                && (RESOURCE_MISSING.equals(e.getCode()) || Integer.valueOf(404).equals(e.getStatusCode()));
    }

    /**
     * @param action what was being done, for the log and the detail ("looking up the account")
     * @param maskedKey the key the call used, masked, to name it in the detail
     */
    static ConnectionRejectedException map(StripeException e, String action, @Nullable String maskedKey) {
        String param = e.getStripeError() == null ? null : e.getStripeError().getParam();
        log.warn(
                "Stripe call failed while {}: {} (status {}, code {}, param {}, request {})",
                action,
                e.getClass().getSimpleName(),
                e.getStatusCode(),
                e.getCode(),
                param,
                e.getRequestId());
        Map<String, Object> properties = new LinkedHashMap<>();
        if (e.getCode() != null) {
            properties.put("stripeCode", e.getCode());
        }
        if (param != null) {
            properties.put("stripeParam", param);
        }
        if (e.getRequestId() != null) {
            properties.put("stripeRequestId", e.getRequestId());
        }
        // before AuthenticationException: stripe-java makes PermissionException a subclass of it
        if (e instanceof PermissionException) {
            return new ConnectionRejectedException(
                    ConnectionProblem.KEY_PERMISSION_DENIED,
                    "The key " + maskedKey + " may not do this (" + action + "). A restricted key needs write access"
                            + " to Webhook Endpoints and read access to Account, Products and Prices.",
                    properties);
        }
        if (e instanceof AuthenticationException) {
            if (API_KEY_EXPIRED.equals(e.getCode())) {
                return new ConnectionRejectedException(
                        ConnectionProblem.REVOKED_API_KEY,
                        "The key " + maskedKey + " was revoked or has expired: create or roll a key in the Stripe"
                                + " Dashboard (Developers > API keys) and paste the new one.",
                        properties);
            }
            return new ConnectionRejectedException(
                    ConnectionProblem.INVALID_API_KEY,
                    "Stripe does not recognise the key " + maskedKey + ": it may be mistyped or cut short; copy it"
                            + " again from the Stripe Dashboard (Developers > API keys).",
                    properties);
        }
        if (e instanceof ApiConnectionException) {
            return new ConnectionRejectedException(
                    ConnectionProblem.STRIPE_UNREACHABLE,
                    "Stripe could not be reached while " + action + ". Nothing was stored; try again shortly.",
                    properties,
                    e);
        }
        if (e instanceof RateLimitException || e instanceof ApiException) {
            return new ConnectionRejectedException(
                    ConnectionProblem.STRIPE_UNAVAILABLE,
                    "Stripe answered with an error or a rate limit while " + action + ". Nothing was stored; try"
                            + " again shortly.",
                    properties,
                    e);
        }
        return new ConnectionRejectedException(
                ConnectionProblem.STRIPE_REJECTED,
                "Stripe refused the request while " + action
                        + (e.getCode() == null ? "." : " (code " + e.getCode() + ")."),
                properties,
                e);
    }
}
