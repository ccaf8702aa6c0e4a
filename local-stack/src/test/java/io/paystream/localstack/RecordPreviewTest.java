package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordPreviewTest {

    private static ConsumerRecord<byte[], byte[]> record(String key, String value, RecordHeaders headers) {
        return new ConsumerRecord<>(
                "stripe.events",
                2,
                41,
                1_795_000_000_000L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8),
                headers,
                Optional.empty());
    }

    @Test
    void showsPartitionOffsetKeyAndEveryHeader() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("stripe-event-id", "evt_1".getBytes(StandardCharsets.UTF_8));
        headers.add("stripe-event-type", "payment_intent.succeeded".getBytes(StandardCharsets.UTF_8));

        String preview = RecordPreview.format(record("pi_1", "{\"id\":\"evt_1\"}", headers));

        assertThat(preview)
                .startsWith("stripe.events-2 @41  key=pi_1  2026-")
                .contains("headers: stripe-event-id=evt_1, stripe-event-type=payment_intent.succeeded")
                .contains("value (14 bytes): {\"id\":\"evt_1\"}");
    }

    @Test
    void aLargeValueIsCutToAPreviewWithItsWhitespaceFolded() {
        String big = "{\n  \"data\": \"" + "x".repeat(5_000) + "\"\n}";

        String preview = RecordPreview.format(record(null, big, new RecordHeaders()));

        String valueLine =
                preview.lines().filter(l -> l.contains("value (")).findFirst().orElseThrow();
        String shown = valueLine.substring(valueLine.indexOf("): ") + 3);
        assertThat(shown)
                .hasSize(RecordPreview.VALUE_PREVIEW_CHARS)
                .startsWith("{ \"data\": \"xxx")
                .endsWith("…");
        assertThat(valueLine).contains("(" + big.length() + " bytes)");
        assertThat(preview).contains("key=null").contains("headers: (none)");
    }
}
