package io.paystream.ingest;

import io.paystream.events.Topics;
import java.time.Duration;
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
 * @see io.paystream.ingest.endpoint.EndpointProperties the endpoints, {@code paystream.ingest.endpoints.<id>.*}
 */
@ConfigurationProperties("paystream.ingest")
public record IngestProperties(
        @DefaultValue(Topics.STRIPE_EVENTS) String topic,
        @DefaultValue("300s") Duration signatureTolerance,
        @DefaultValue("512KB") DataSize maxBodySize,
        @DefaultValue("3s") Duration publishTimeout,
        @DefaultValue("512") int maxInFlight) {

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
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
