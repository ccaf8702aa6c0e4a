package io.paystream.ingest;

import io.paystream.events.Topics;
import io.paystream.ingest.endpoint.LivemodePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the webhook ingest, validated when the application starts so that a dangerous value (a tolerance that
 * switches off replay protection, a publish wait longer than Stripe's own timeout) never reaches a running service.
 *
 * @param topic where verified events are published
 * @param signatureTolerance how far a signature's timestamp may be from our clock, in either direction
 * @param maxBodySize larger requests are refused with 413 before their body is read
 * @param publishTimeout how long a request waits for the broker's acknowledgement before answering 503
 * @param maxInFlight requests handled at once; more are answered 503 so memory stays bounded
 * @param endpoints webhook endpoints by id; {@code default} serves {@code POST /webhooks/stripe}
 */
@ConfigurationProperties("paystream.ingest")
public record IngestProperties(
        @DefaultValue(Topics.STRIPE_EVENTS) String topic,
        @DefaultValue("300s") Duration signatureTolerance,
        @DefaultValue("512KB") DataSize maxBodySize,
        @DefaultValue("3s") Duration publishTimeout,
        @DefaultValue("512") int maxInFlight,
        Map<String, Endpoint> endpoints) {

    /** Endpoint ids appear in URLs and metric tags: keep them short and plain. */
    public static final Pattern ENDPOINT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** Stripe gives up on a delivery after about 10 s; a publish wait near that would turn every 503 into a timeout. */
    private static final Duration MAX_PUBLISH_TIMEOUT = Duration.ofSeconds(8);

    public IngestProperties {
        require(topic != null && !topic.isBlank(), "paystream.ingest.topic must not be blank");
        require(
                signatureTolerance != null && signatureTolerance.toSeconds() > 0,
                "paystream.ingest.signature-tolerance must be at least 1s (got " + signatureTolerance
                        + "): 0 or a negative value would switch off replay protection for Stripe webhooks");
        require(
                maxBodySize != null && maxBodySize.toBytes() > 0 && maxBodySize.toBytes() <= Integer.MAX_VALUE - 8,
                "paystream.ingest.max-body-size must be positive and below 2GB");
        require(
                publishTimeout != null
                        && !publishTimeout.isNegative()
                        && !publishTimeout.isZero()
                        && publishTimeout.compareTo(MAX_PUBLISH_TIMEOUT) <= 0,
                "paystream.ingest.publish-timeout must be between 1ms and " + MAX_PUBLISH_TIMEOUT.toSeconds()
                        + "s, well under Stripe's delivery timeout");
        require(maxInFlight > 0, "paystream.ingest.max-in-flight must be positive");
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        for (String id : endpoints.keySet()) {
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
    public record Endpoint(
            List<String> secrets,
            @DefaultValue("default") String tenant,
            @DefaultValue("both") LivemodePolicy livemode) {

        public Endpoint {
            secrets = secrets == null
                    ? List.of()
                    : secrets.stream()
                            .map(String::strip)
                            .filter(secret -> !secret.isEmpty())
                            .toList();
            require(tenant != null && !tenant.isBlank(), "paystream.ingest.endpoints.*.tenant must not be blank");
        }

        @Override
        public String toString() {
            // secrets never appear in logs or error messages
            return "Endpoint[secrets=" + secrets.size() + ", tenant=" + tenant + ", livemode=" + livemode + "]";
        }
    }
}
