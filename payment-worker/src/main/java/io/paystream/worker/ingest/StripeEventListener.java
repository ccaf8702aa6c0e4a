package io.paystream.worker.ingest;

import io.paystream.events.EventSource;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.Topics;
import io.paystream.support.outbox.BackgroundRelay;
import io.paystream.support.outbox.OutboxSweeper;
import io.paystream.support.outbox.PendingEntries;
import io.paystream.worker.apply.ApplyResult;
import io.paystream.worker.apply.RecordFailedException;
import io.paystream.worker.apply.StripeEventApplier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Applies each polled batch of Stripe events (see {@link StripeEventApplier#applyAll}), then hands the domain events
 * the batch produced to the relay thread ({@link BackgroundRelay}) and goes on with the next batch. The container
 * commits the batch's offsets only after this method returns, i.e. after every state write; a failing record is
 * reported by index so the records before it are committed and it alone goes through retry or dead-lettering. Every failure path still relays what was written before it (or, when that is unknown, asks the
 * sweeper for a pass): those records are not polled again, so nothing else would publish their domain events before
 * the full sweep.
 */
@Component
class StripeEventListener {

    private final StripeEventApplier applier;
    private final BackgroundRelay relay;
    private final OutboxSweeper sweeper;

    /**
     * @param relay relays each batch's entries, in batch order
     * @param sweeper asked for a pass when what a failed batch wrote is unknown
     */
    StripeEventListener(StripeEventApplier applier, BackgroundRelay relay, OutboxSweeper sweeper) {
        this.applier = applier;
        this.relay = relay;
        this.sweeper = sweeper;
    }

    /** Webhooks and reconciled events, and the objects a backfill or a thin event fetched: one order rule for all. */
    @KafkaListener(
            id = "payment-worker",
            idIsGroup = false,
            topics = {Topics.STRIPE_EVENTS, Topics.STRIPE_FETCHED},
            batch = "true")
    void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<StripeEventApplier.Incoming> incoming = new ArrayList<>(records.size());
        RuntimeException headerFailure = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Map<String, String> headers = headers(record);
                incoming.add(new StripeEventApplier.Incoming(
                        StripeEventMetadata.fromHeaders(headers::get),
                        EventSource.fromHeaders(headers::get),
                        record.value()));
            } catch (RuntimeException e) {
                headerFailure = e; // records before this one are still applied below
                break;
            }
        }
        List<ApplyResult> results;
        try {
            results = applier.applyAll(incoming);
        } catch (RecordFailedException e) {
            // The records written before (and beside) the failed one are committed with it; nothing re-polls them.
            relayQuietly(e.written());
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), records.get(e.index()));
        } catch (RuntimeException e) {
            // What was written before this is unknown: let the sweeper find it rather than the full sweep.
            sweeper.sweepNeeded();
            throw e;
        }
        relayQuietly(results);
        if (headerFailure != null) {
            throw new BatchListenerFailedException(
                    headerFailure.getMessage(), headerFailure, records.get(incoming.size()));
        }
    }

    /** The outbox is durable in MongoDB: a failed relay here is retried by the sweeper, not by re-consuming. */
    private void relayQuietly(List<ApplyResult> results) {
        List<PendingEntries> pending = new ArrayList<>();
        for (ApplyResult result : results) {
            if (!result.outbox().isEmpty() && result.collection() != null && result.aggregateId() != null) {
                pending.add(new PendingEntries(result.collection(), result.aggregateId(), result.outbox()));
            }
        }
        relay.relay(pending);
    }

    /**
     * The record's headers by name, the last of a repeated one winning (as {@code lastHeader}); read once rather than
     * searched per name, which was 5% of the worker's CPU.
     */
    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            } else {
                headers.remove(header.key());
            }
        }
        return headers;
    }
}
