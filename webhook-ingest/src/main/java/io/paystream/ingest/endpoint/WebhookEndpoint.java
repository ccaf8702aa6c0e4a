package io.paystream.ingest.endpoint;

import io.paystream.ingest.signature.SigningSecret;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A place Stripe delivers webhooks to.
 *
 * @param id appears in the URL {@code /webhooks/stripe/{id}} and on every record it publishes
 * @param tenant the platform customer the endpoint belongs to
 * @param secrets signing secrets; any one valid {@code v1} signature against any of them passes
 * @param livemode which Stripe modes the endpoint accepts
 * @param account the Stripe account ({@code acct_...}) the endpoint belongs to, or {@code null}; an event without its
 *     own {@code account} is published with this one, since an account's own events do not name it
 */
public record WebhookEndpoint(
        String id,
        String tenant,
        List<SigningSecret> secrets,
        LivemodePolicy livemode,
        @Nullable String account) {

    /** The endpoint behind {@code POST /webhooks/stripe}. */
    public static final String DEFAULT_ID = "default";

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(livemode, "livemode");
        secrets = List.copyOf(secrets);
    }

    /** An endpoint not tied to one Stripe account: records carry the event's own account, if any. */
    public WebhookEndpoint(String id, String tenant, List<SigningSecret> secrets, LivemodePolicy livemode) {
        this(id, tenant, secrets, livemode, null);
    }

    /** An endpoint without a secret could verify nothing, so it accepts nothing. */
    public boolean hasSecrets() {
        return !secrets.isEmpty();
    }

    /** The account a record is published with: the event's own, else the endpoint's, else none (the platform). */
    public @Nullable String accountFor(@Nullable String eventAccount) {
        return eventAccount != null ? eventAccount : account;
    }

    @Override
    public String toString() {
        // secrets never appear in logs or error messages
        return "WebhookEndpoint[id=" + id + ", tenant=" + tenant + ", secrets=" + secrets.size() + ", livemode="
                + livemode + ", account=" + account + "]";
    }
}
