package io.paystream.catalog.connection.onboarding;

import io.paystream.events.StripeEventHeaders;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.Topics;
import io.paystream.support.kafka.HeaderText;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Hands {@code account.updated} events to {@link AccountEvents}; every other type is skipped by its header before the
 * body is read. Its own consumer group, so it sees every event whatever else consumes the topic.
 */
class AccountEventListener {

    static final String GROUP = "catalog-sync-connections";

    private final AccountEvents accountEvents;

    AccountEventListener(AccountEvents accountEvents) {
        this.accountEvents = accountEvents;
    }

    @KafkaListener(
            id = GROUP,
            topics = Topics.STRIPE_EVENTS,
            containerFactory = AccountEventsKafkaConfiguration.LISTENER_FACTORY)
    void onEvent(ConsumerRecord<String, byte[]> record) {
        if (!AccountEvents.ACCOUNT_UPDATED.equals(HeaderText.of(record, StripeEventHeaders.EVENT_TYPE))) {
            return;
        }
        accountEvents.apply(StripeEventMetadata.fromHeaders(name -> HeaderText.of(record, name)), record.value());
    }
}
