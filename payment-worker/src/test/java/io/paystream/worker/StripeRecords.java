package io.paystream.worker;

import io.paystream.events.EventShape;
import io.paystream.events.StripeEventId;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.Topics;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Records as webhook-ingest publishes them: key = object id, value = the event bytes, headers per the contract. */
public final class StripeRecords {

    private StripeRecords() {}

    public static ProducerRecord<String, byte[]> of(FixtureEvent event) {
        return of(event.id(), event.type(), event.objectId(), false, event.body());
    }

    public static ProducerRecord<String, byte[]> of(
            String eventId, String type, String key, boolean livemode, byte[] body) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.STRIPE_EVENTS, key, body);
        new StripeEventMetadata(
                        new StripeEventId(eventId),
                        type,
                        EventShape.SNAPSHOT,
                        null,
                        livemode,
                        "2026-07-29.dahlia",
                        null,
                        "we_test",
                        "tenant_test",
                        Instant.now())
                .toHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
