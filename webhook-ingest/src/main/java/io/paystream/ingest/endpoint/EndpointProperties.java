package io.paystream.ingest.endpoint;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The webhook endpoints defined in configuration ({@code paystream.ingest.endpoints.<id>.*}), validated when the
 * application starts. The ingest's other settings share the {@code paystream.ingest} prefix but live with the code
 * that uses them; this record binds only {@code endpoints}.
 *
 * @param endpoints webhook endpoints by id; {@code default} serves {@code POST /webhooks/stripe}
 */
@ConfigurationProperties("paystream.ingest")
public record EndpointProperties(Map<String, Endpoint> endpoints) {

    /** Endpoint ids appear in URLs and metric tags: keep them short and plain. */
    static final Pattern ENDPOINT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public EndpointProperties(@Nullable Map<String, Endpoint> endpoints) {
        this.endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        for (String id : this.endpoints.keySet()) {
            require(
                    ENDPOINT_ID.matcher(id).matches(),
                    "paystream.ingest.endpoints: id '" + id + "' must match " + ENDPOINT_ID.pattern());
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * One webhook endpoint as configured.
     *
     * @param secrets the endpoint's signing secrets ({@code whsec_...}); more than one while a secret is being rolled
     * @param tenant the platform customer the endpoint belongs to
     * @param livemode which Stripe modes the endpoint accepts
     */
    public record Endpoint(List<String> secrets, String tenant, LivemodePolicy livemode) {

        // The binder reads the defaults from this constructor's parameters, not from the record components.
        public Endpoint(
                @Nullable List<String> secrets,
                @DefaultValue("default") String tenant,
                @DefaultValue("both") LivemodePolicy livemode) {
            this.secrets = secrets == null
                    ? List.of()
                    : secrets.stream()
                            .map(String::strip)
                            .filter(secret -> !secret.isEmpty())
                            .toList();
            require(tenant != null && !tenant.isBlank(), "paystream.ingest.endpoints.*.tenant must not be blank");
            this.tenant = tenant;
            this.livemode = livemode;
        }

        @Override
        public String toString() {
            // secrets never appear in logs or error messages
            return "Endpoint[secrets=" + secrets.size() + ", tenant=" + tenant + ", livemode=" + livemode + "]";
        }
    }
}
