package io.paystream.emulator;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An in-process Stripe API emulator for tests and the local stack. Point stripe-java at {@link #baseUrl()} (for
 * example {@code StripeClient.builder().setApiKey(key).setApiBase(emulator.baseUrl())}).
 *
 * <p>This is the contract the rest of the build codes against; see {@code stripe-emulator/README.md} for the HTTP
 * surface it serves.
 */
public final class StripeEmulator implements AutoCloseable {

    private StripeEmulator() {}

    /** Starts on 127.0.0.1 and {@link EmulatorSettings#port()} (0 picks a free port) with a platform account. */
    public static StripeEmulator start(EmulatorSettings settings) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** {@code http://127.0.0.1:<port>}, the value for stripe-java's api base. */
    public String baseUrl() {
        throw new UnsupportedOperationException("not built yet");
    }

    public int port() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The platform account, created at start, with keys for both modes. */
    public EmulatedAccount platformAccount() {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Creates an account: a standalone one that a customer connects by pasting its keys ({@code spec.connected()}
     * false), or a Connect account under the platform ({@code true}, reached with the platform key and the
     * {@code Stripe-Account} header).
     */
    public EmulatedAccount createAccount(AccountSpec spec) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Changes an account and sends {@code account.updated}, as Stripe does when onboarding progresses. */
    public void updateAccount(String accountId, UnaryOperator<AccountSpec> change) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Any later request with this key gets 401 {@code api_key_expired}. */
    public void revokeKey(String key) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Adds {@code products} products with {@code pricesPerProduct} active prices each (alternating one-time and
     * monthly recurring) to an account's catalog in one mode, without sending webhooks.
     */
    public void seedCatalog(String accountId, boolean livemode, int products, int pricesPerProduct) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Removes a product and its prices without any webhook: what a missed deletion looks like to a sync. */
    public void removeProductSilently(String accountId, boolean livemode, String productId) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Requests per second per key's mode; 0 turns the limit off. Defaults: 25 test, 100 live. */
    public void setRateLimits(int testPerSecond, int livePerSecond) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The next {@code count} API requests fail with {@code httpStatus} and Stripe's error body (429: rate_limit). */
    public void failNext(int count, int httpStatus) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Requests served (any status) whose method matches and whose path starts with {@code pathPrefix}. */
    public long requestCount(String method, String pathPrefix) {
        throw new UnsupportedOperationException("not built yet");
    }

    public void resetRequestCounts() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Webhook endpoints created through the API on this account, secrets included. */
    public List<WebhookEndpointView> webhookEndpoints(String accountId) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Also delivers every event (platform and Connect) to this URL signed with this secret, like an endpoint set up
     * in the Stripe dashboard. Used by the local stack for its default endpoint.
     */
    public void sendWebhooksTo(String url, String signingSecret) {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("not built yet");
    }
}
