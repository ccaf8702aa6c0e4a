package io.paystream.events.endpoint;

import io.paystream.events.Schemas;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One runtime webhook endpoint on {@link io.paystream.events.Topics#WEBHOOK_ENDPOINTS} (compacted, key =
 * {@link #endpointId()}, JSON value, schema {@value #SCHEMA_LOCATION}). A null value (tombstone) with key endpointId
 * removes the endpoint.
 *
 * <p>Value JSON is Jackson's default record serialisation: camelCase fields, {@code registeredAt} as an ISO-8601
 * string.
 *
 * @param endpointId the connection id, e.g. {@code conn_3f2a...}; served at {@code /webhooks/stripe/{endpointId}}
 * @param tenant the platform customer that owns the connection
 * @param account the Stripe account the endpoint belongs to ({@code acct_...}); webhook-ingest uses it as the record's
 *     account header when the event itself carries no {@code account}
 * @param livemode {@value #LIVE}, {@value #TEST} or {@value #BOTH}
 * @param encryptedSecrets {@link io.paystream.events.crypto.SecretCipher} envelopes of the {@code whsec_...} signing
 *     secrets; several while a secret is being rolled
 * @param registeredAt when the registration was written
 */
public record WebhookEndpointRegistration(
        String endpointId,
        String tenant,
        String account,
        String livemode,
        List<String> encryptedSecrets,
        Instant registeredAt) {

    public static final String SCHEMA_LOCATION = Schemas.WEBHOOK_ENDPOINT_V1;

    public static final String LIVE = "live";
    public static final String TEST = "test";
    public static final String BOTH = "both";

    /** Endpoint ids appear in URLs, record headers and metric tags: short and plain. Same rule as configured ids. */
    public static final Pattern ENDPOINT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private static final Set<String> LIVEMODES = Set.of(LIVE, TEST, BOTH);

    public WebhookEndpointRegistration {
        Objects.requireNonNull(endpointId, "endpointId");
        if (!ENDPOINT_ID.matcher(endpointId).matches()) {
            throw new IllegalArgumentException("endpointId '" + endpointId + "' must match " + ENDPOINT_ID.pattern());
        }
        requireText(tenant, "tenant");
        requireText(account, "account");
        if (!LIVEMODES.contains(livemode)) {
            throw new IllegalArgumentException("livemode must be one of " + LIVEMODES + ", got " + livemode);
        }
        encryptedSecrets = encryptedSecrets == null ? List.of() : List.copyOf(encryptedSecrets);
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    private static void requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        // even encrypted, secrets stay out of logs: the count is what an operator needs
        return "WebhookEndpointRegistration[endpointId=" + endpointId + ", tenant=" + tenant + ", account=" + account
                + ", livemode=" + livemode + ", secrets=" + encryptedSecrets.size() + ", registeredAt=" + registeredAt
                + "]";
    }
}
