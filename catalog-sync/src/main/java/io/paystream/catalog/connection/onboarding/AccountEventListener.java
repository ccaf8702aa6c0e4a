package io.paystream.catalog.connection.onboarding;

import io.paystream.events.StripeEventHeaders;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
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
        if (!AccountEvents.ACCOUNT_UPDATED.equals(header(record, StripeEventHeaders.EVENT_TYPE))) {
            return;
        }
        accountEvents.apply(StripeEventMetadata.fromHeaders(name -> header(record, name)), record.value());
    }

    private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
