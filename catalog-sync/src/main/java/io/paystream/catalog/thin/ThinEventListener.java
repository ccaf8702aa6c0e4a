package io.paystream.catalog.thin;

import io.paystream.events.EventShape;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.Topics;
import io.paystream.support.kafka.HeaderText;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code stripe.events} in a consumer group of its own and hands each thin event to {@link ThinEvents}; every
 * other record is passed over on its {@value StripeEventHeaders#EVENT_SHAPE} header alone, its body never parsed. An
 * offset is committed once the listener returned, i.e. after the fetched object was acknowledged by Kafka (or the
 * event was counted and given up); Kafka not acknowledging is thrown, so the shared error handler retries it.
 */
@Component
class ThinEventListener {

    private static final String THIN = EventShape.THIN.headerValue();

    private final ThinEvents thinEvents;

    ThinEventListener(ThinEvents thinEvents) {
        this.thinEvents = thinEvents;
    }

    @KafkaListener(
            id = "catalog-sync-thin-events",
            groupId = "catalog-sync-thin-events",
            topics = Topics.STRIPE_EVENTS,
            autoStartup = "${paystream.thin-events.enabled:true}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        if (!THIN.equals(HeaderText.of(record, StripeEventHeaders.EVENT_SHAPE))) {
            return;
        }
        thinEvents.resolve(
                record.value(),
                HeaderText.of(record, StripeEventHeaders.ACCOUNT),
                Boolean.parseBoolean(HeaderText.of(record, StripeEventHeaders.LIVEMODE)),
                HeaderText.of(record, StripeEventHeaders.TENANT));
    }
}
