package io.paystream.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripeEventMetadataTest {

    private final StripeEventMetadata connectEvent = new StripeEventMetadata(
            new StripeEventId("evt_1"),
            "payment_intent.succeeded",
            EventShape.SNAPSHOT,
            "acct_123",
            true,
            "2026-07-29.dahlia",
            Instant.parse("2026-11-22T10:00:00Z"),
            "default",
            "tenant-a",
            Instant.parse("2026-11-22T10:00:01.123Z"));

    @Test
    void headersRoundTrip() {
        Map<String, String> headers = connectEvent.toHeaders();

        assertThat(StripeEventMetadata.fromHeaders(headers::get)).isEqualTo(connectEvent);
        assertThat(headers)
                .containsEntry(StripeEventHeaders.EVENT_ID, "evt_1")
                .containsEntry(StripeEventHeaders.ACCOUNT, "acct_123")
                .containsEntry(StripeEventHeaders.LIVEMODE, "true")
                .containsEntry(StripeEventHeaders.EVENT_SHAPE, "snapshot")
                .containsEntry(StripeEventHeaders.CONTRACT_VERSION, "1");
    }

    @Test
    void optionalHeadersAreLeftOutForPlatformEvents() {
        StripeEventMetadata platform = new StripeEventMetadata(
                new StripeEventId("evt_2"),
                "v1.billing.meter.error_report_triggered",
                EventShape.THIN,
                null,
                false,
                null,
                null,
                "default",
                "default",
                Instant.parse("2026-11-22T10:00:00Z"));

        Map<String, String> headers = platform.toHeaders();

        assertThat(headers)
                .doesNotContainKeys(
                        StripeEventHeaders.ACCOUNT, StripeEventHeaders.API_VERSION, StripeEventHeaders.EVENT_CREATED);
        assertThat(StripeEventMetadata.fromHeaders(headers::get)).isEqualTo(platform);
    }

    @Test
    void missingOrUnreadableRequiredHeadersAreReportedAsMalformed() {
        Map<String, String> missingId = new HashMap<>(connectEvent.toHeaders());
        missingId.remove(StripeEventHeaders.EVENT_ID);
        Map<String, String> badTime = new HashMap<>(connectEvent.toHeaders());
        badTime.put(StripeEventHeaders.RECEIVED_AT, "yesterday");
        Map<String, String> badShape = new HashMap<>(connectEvent.toHeaders());
        badShape.put(StripeEventHeaders.EVENT_SHAPE, "fat");

        assertThatThrownBy(() -> StripeEventMetadata.fromHeaders(missingId::get))
                .isInstanceOf(MalformedEventHeadersException.class)
                .hasMessageContaining(StripeEventHeaders.EVENT_ID);
        assertThatThrownBy(() -> StripeEventMetadata.fromHeaders(badTime::get))
                .isInstanceOf(MalformedEventHeadersException.class);
        assertThatThrownBy(() -> StripeEventMetadata.fromHeaders(badShape::get))
                .isInstanceOf(MalformedEventHeadersException.class);
    }

    @Test
    void eventShapeIsRecognisedFromTheObjectField() {
        assertThat(EventShape.fromObjectField("event")).isEqualTo(EventShape.SNAPSHOT);
        assertThat(EventShape.fromObjectField("v2.core.event")).isEqualTo(EventShape.THIN);
        assertThat(EventShape.fromObjectField("charge")).isNull();
        assertThat(EventShape.fromObjectField(null)).isNull();
    }
}
