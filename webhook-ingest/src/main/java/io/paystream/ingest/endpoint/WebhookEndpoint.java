package io.paystream.ingest.endpoint;

import io.paystream.ingest.signature.SigningSecret;
import java.util.List;
import java.util.Objects;

/**
 * A place Stripe delivers webhooks to.
 *
 * @param id appears in the URL {@code /webhooks/stripe/{id}} and on every record it publishes
 * @param tenant the platform customer the endpoint belongs to
 * @param secrets signing secrets; any one valid {@code v1} signature against any of them passes
 * @param livemode which Stripe modes the endpoint accepts
 */
public record WebhookEndpoint(String id, String tenant, List<SigningSecret> secrets, LivemodePolicy livemode) {

    /** The endpoint behind {@code POST /webhooks/stripe}. */
    public static final String DEFAULT_ID = "default";

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(livemode, "livemode");
        secrets = List.copyOf(secrets);
    }

    /** An endpoint without a secret could verify nothing, so it accepts nothing. */
    public boolean hasSecrets() {
        return !secrets.isEmpty();
    }
}
