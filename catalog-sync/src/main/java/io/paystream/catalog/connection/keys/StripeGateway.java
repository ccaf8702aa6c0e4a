package io.paystream.catalog.connection.keys;

import com.stripe.StripeClient;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.CountrySpec;
import com.stripe.model.WebhookEndpoint;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import io.paystream.catalog.connection.AccountSnapshot;
import io.paystream.catalog.connection.ConnectionProblem;
import io.paystream.catalog.connection.ConnectionRejectedException;
import io.paystream.catalog.stripe.StripeApiProperties;
import io.paystream.events.SubscribedStripeEvents;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Stripe API calls connections make, through stripe-java: with a customer's pasted key (package-private, for key
 * connections) or with the platform's key (public, for Connect onboarding). A client per call: each call authenticates
 * with a different key, and a {@link StripeClient} is cheap (the HTTP connection pool is shared underneath). Every
 * failure becomes a {@link ConnectionRejectedException} that names the key masked.
 */
public class StripeGateway {

    /** stripe-java retries connection failures and 409/429/5xx with idempotency keys; one retry keeps answers fast. */
    private static final int NETWORK_RETRIES = 1;

    private final StripeApiProperties stripe;

    StripeGateway(StripeApiProperties stripe) {
        this.stripe = stripe;
    }

    record CreatedEndpoint(String id, String secret) {
        @Override
        public String toString() {
            return "CreatedEndpoint[" + id + "]";
        }
    }

    /** @param expiresAt when Stripe said; null when it did not */
    public record OnboardingLink(String url, @Nullable Instant expiresAt) {}

    /** {@code GET /v1/account}: whose key this is. */
    AccountSnapshot ownAccount(ApiKey key) {
        try {
            return AccountSnapshot.of(client(key.value()).v1().accounts().retrieveCurrent());
        } catch (StripeException e) {
            throw StripeFailures.map(e, "looking up the account of the key", key.masked());
        }
    }

    /** {@code GET /v1/country_specs/{country}}: the currencies an account in that country can charge in. */
    List<String> chargeableCurrencies(ApiKey key, String country) {
        try {
            CountrySpec spec = client(key.value()).v1().countrySpecs().retrieve(country);
            return spec.getSupportedPaymentCurrencies() == null ? List.of() : spec.getSupportedPaymentCurrencies();
        } catch (StripeException e) {
            throw StripeFailures.map(e, "reading the currencies of " + country, key.masked());
        }
    }

    /**
     * {@code POST /v1/webhook_endpoints} on the key's account, pinned to Paystream's API version and subscribed to
     * {@link SubscribedStripeEvents#TYPES}. The only response that ever carries the signing secret.
     */
    CreatedEndpoint createWebhookEndpoint(ApiKey key, String url, String connectionId, String tenant) {
        WebhookEndpointCreateParams params = WebhookEndpointCreateParams.builder()
                .setUrl(url)
                .setDescription("Paystream connection " + connectionId)
                .setMetadata(Map.of("paystream_connection", connectionId, "paystream_tenant", tenant))
                // Strings, not stripe-java's enums: the version is configuration and the list is shared-events'.
                .putExtraParam("api_version", stripe.apiVersion())
                .putExtraParam("enabled_events", SubscribedStripeEvents.TYPES)
                .build();
        try {
            WebhookEndpoint endpoint =
                    client(key.value()).v1().webhookEndpoints().create(params);
            return new CreatedEndpoint(endpoint.getId(), endpoint.getSecret());
        } catch (StripeException e) {
            throw StripeFailures.map(e, "registering the webhook endpoint", key.masked());
        }
    }

    /** What the endpoint check reads of an endpoint. */
    record EndpointState(boolean disabled, List<String> enabledEvents) {}

    /** {@code GET /v1/webhook_endpoints/{id}}; empty when Stripe no longer has it (deleted). */
    java.util.Optional<EndpointState> webhookEndpoint(ApiKey key, String endpointId) {
        try {
            WebhookEndpoint endpoint =
                    client(key.value()).v1().webhookEndpoints().retrieve(endpointId);
            return java.util.Optional.of(new EndpointState(
                    "disabled".equals(endpoint.getStatus()),
                    endpoint.getEnabledEvents() == null ? List.of() : endpoint.getEnabledEvents()));
        } catch (StripeException e) {
            if (StripeFailures.isMissing(e)) {
                return java.util.Optional.empty();
            }
            throw StripeFailures.map(e, "checking the webhook endpoint", key.masked());
        }
    }

    /** {@code POST /v1/webhook_endpoints/{id}}: enabled, subscribed to {@link SubscribedStripeEvents#TYPES}. */
    void repairWebhookEndpoint(ApiKey key, String endpointId) {
        WebhookEndpointUpdateParams params = WebhookEndpointUpdateParams.builder()
                .setDisabled(false)
                .putExtraParam("enabled_events", SubscribedStripeEvents.TYPES)
                .build();
        try {
            client(key.value()).v1().webhookEndpoints().update(endpointId, params);
        } catch (StripeException e) {
            throw StripeFailures.map(e, "repairing the webhook endpoint", key.masked());
        }
    }

    /** {@code DELETE /v1/webhook_endpoints/{id}}; false when Stripe no longer has it. */
    boolean deleteWebhookEndpoint(ApiKey key, String endpointId) {
        try {
            client(key.value()).v1().webhookEndpoints().delete(endpointId);
            return true;
        } catch (StripeException e) {
            if (StripeFailures.isMissing(e)) {
                return false;
            }
            throw StripeFailures.map(e, "removing the webhook endpoint", key.masked());
        }
    }

    /** {@code POST /v1/accounts} with the platform key: a new Connect account for onboarding. */
    public AccountSnapshot createConnectedAccount(
            String platformKey, String accountType, String country, @Nullable String email, @Nullable String currency) {
        AccountCreateParams.Builder params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.valueOf(accountType.toUpperCase(Locale.ROOT)))
                .setCountry(country);
        if (email != null) {
            params.setEmail(email);
        }
        if (currency != null) {
            params.setDefaultCurrency(currency);
        }
        try {
            return AccountSnapshot.of(client(platformKey).v1().accounts().create(params.build()));
        } catch (StripeException e) {
            throw StripeFailures.map(e, "creating the connected account", KeyMask.mask(platformKey));
        }
    }

    /** {@code GET /v1/accounts/{id}} with the platform key: only accounts connected to the platform are found. */
    public AccountSnapshot connectedAccount(String platformKey, String accountId) {
        try {
            Account account = client(platformKey).v1().accounts().retrieve(accountId);
            return AccountSnapshot.of(account);
        } catch (StripeException e) {
            if (StripeFailures.isMissing(e) || e instanceof PermissionException) {
                throw new ConnectionRejectedException(
                        ConnectionProblem.ACCOUNT_NOT_FOUND,
                        "No account " + accountId + " is connected to the platform in this mode.");
            }
            throw StripeFailures.map(e, "looking up the connected account", KeyMask.mask(platformKey));
        }
    }

    /** {@code POST /v1/account_links}: a short-lived, single-use onboarding URL. */
    public OnboardingLink onboardingLink(String platformKey, String accountId, String refreshUrl, String returnUrl) {
        AccountLinkCreateParams params = AccountLinkCreateParams.builder()
                .setAccount(accountId)
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .setRefreshUrl(refreshUrl)
                .setReturnUrl(returnUrl)
                .build();
        try {
            AccountLink link = client(platformKey).v1().accountLinks().create(params);
            return new OnboardingLink(
                    link.getUrl(), link.getExpiresAt() == null ? null : Instant.ofEpochSecond(link.getExpiresAt()));
        } catch (StripeException e) {
            throw StripeFailures.map(e, "creating the onboarding link", KeyMask.mask(platformKey));
        }
    }

    private StripeClient client(String apiKey) {
        return StripeClient.builder()
                .setApiKey(apiKey)
                .setApiBase(stripe.apiBase())
                .setConnectTimeout((int) stripe.connectTimeout().toMillis())
                .setReadTimeout((int) stripe.readTimeout().toMillis())
                .setMaxNetworkRetries(NETWORK_RETRIES)
                .build();
    }
}
