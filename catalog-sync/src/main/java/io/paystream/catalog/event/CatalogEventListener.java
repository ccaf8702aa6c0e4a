package io.paystream.catalog.event;

import io.paystream.events.MalformedEventHeadersException;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.Topics;
import io.paystream.support.kafka.HeaderText;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reads {@code stripe.events} in its own consumer group, a polled batch at a time, and hands the product and price
 * events to {@link CatalogEventApplier}; every other type is passed over on its header alone, without parsing the
 * body. The container commits the batch's offsets once this method returned, i.e. after its writes. A failure names
 * the first record not known to be done ({@link BatchListenerFailedException}): the records before it are committed,
 * and the error handler ({@link EventErrorHandling}) retries from it.
 */
@Component
class CatalogEventListener {

    private final CatalogEventApplier applier;
    private final SkippedEvents skipped;

    CatalogEventListener(CatalogEventApplier applier, SkippedEvents skipped) {
        this.applier = applier;
        this.skipped = skipped;
    }

    @KafkaListener(
            id = "catalog-sync-events",
            groupId = "catalog-sync",
            topics = Topics.STRIPE_EVENTS,
            autoStartup = "${paystream.catalog.events.enabled:true}",
            batch = "true")
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<CatalogEventApplier.Incoming> incoming = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            String type = HeaderText.of(record, StripeEventHeaders.EVENT_TYPE);
            if (type == null || !CatalogEventApplier.handles(type)) {
                continue;
            }
            try {
                StripeEventMetadata metadata = StripeEventMetadata.fromHeaders(name -> HeaderText.of(record, name));
                incoming.add(new CatalogEventApplier.Incoming(i, metadata, record.value(), origin(record)));
            } catch (MalformedEventHeadersException e) {
                skipped.skipped(type, origin(record), e); // cannot become readable: never holds up the batch
            }
        }
        try {
            applier.applyAll(incoming);
        } catch (CatalogEventApplier.BatchFailedException e) {
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), records.get(e.index()));
        }
    }

    static String origin(ConsumerRecord<?, ?> record) {
        return record.topic() + '-' + record.partition() + '@' + record.offset();
    }
}
