package io.paystream.catalog.event;

import io.paystream.events.StripeEventHeaders;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code stripe.events} in its own consumer group and hands product and price events to
 * {@link CatalogEventApplier}; every other type is passed over on its header alone, without parsing the body.
 */
@Component
class CatalogEventListener {

    private final CatalogEventApplier applier;

    CatalogEventListener(CatalogEventApplier applier) {
        this.applier = applier;
    }

    @KafkaListener(
            id = "catalog-sync-events",
            groupId = "catalog-sync",
            topics = Topics.STRIPE_EVENTS,
            autoStartup = "${paystream.catalog.events.enabled:true}")
    void onEvent(ConsumerRecord<String, byte[]> record) {
        String type = header(record, StripeEventHeaders.EVENT_TYPE);
        if (type == null || !CatalogEventApplier.handles(type)) {
            return;
        }
        applier.apply(StripeEventMetadata.fromHeaders(name -> header(record, name)), record.value());
    }

    private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
