package io.paystream.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A webhook endpoint of one account and mode. Mutable fields are guarded by the store's lock. */
final class WebhookEndpoint extends Listed {

    final String accountId;
    final boolean livemode;
    final String secret;
    final String apiVersion;
    final boolean connect;
    String url;
    List<String> enabledEvents;

    @Nullable
    String description;

    boolean disabled;
    Map<String, String> metadata = new LinkedHashMap<>();

    WebhookEndpoint(
            String id,
            long sequence,
            long created,
            String accountId,
            boolean livemode,
            String secret,
            String apiVersion,
            boolean connect) {
        super(id, sequence, created);
        this.accountId = accountId;
        this.livemode = livemode;
        this.secret = secret;
        this.apiVersion = apiVersion;
        this.connect = connect;
    }

    boolean wants(String eventType) {
        return !disabled && (enabledEvents.contains("*") || enabledEvents.contains(eventType));
    }

    /** Without the secret: Stripe shows it only in the response that creates the endpoint. */
    @Override
    JsonMap render() {
        return JsonMap.object("webhook_endpoint", id)
                .with("api_version", apiVersion)
                .with("application", null)
                .with("created", created)
                .with("description", description)
                .with("enabled_events", List.copyOf(enabledEvents))
                .with("livemode", livemode)
                .with("metadata", new LinkedHashMap<>(metadata))
                .with("status", disabled ? "disabled" : "enabled")
                .with("url", url);
    }

    JsonMap renderWithSecret() {
        return render().with("secret", secret);
    }

    WebhookEndpointView view() {
        return new WebhookEndpointView(id, accountId, url, List.copyOf(enabledEvents), apiVersion, secret, livemode);
    }
}
