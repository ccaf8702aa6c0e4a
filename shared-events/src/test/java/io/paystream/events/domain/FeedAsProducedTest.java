package io.paystream.events.domain;

import static io.paystream.events.domain.PaymentsEventSchema.json;
import static io.paystream.events.domain.PaymentsEventSchema.validate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The feed exactly as the services wrote it before the records existed, when every producer built {@code data} by
 * hand: {@code payment-worker-events.jsonl} is every outbox entry payment-worker's engine wrote for test-support's
 * fixture lifecycles (commit b617370), {@code catalog-sync-connection-events.tsv} is catalog-sync's
 * {@code ConnectionEvents.statusChanged} output for four connections (cause, then the event). Built from the records,
 * each event must come out byte for byte the same, so moving the producers onto the records changes nothing on the
 * wire.
 */
class FeedAsProducedTest {

    @Test
    void everyPaymentWorkerEventReadsAsItsRecordAndIsRebuiltByteForByte() throws IOException {
        Set<String> types = new TreeSet<>();
        for (String line : lines("payment-worker-events.jsonl")) {
            DomainEvent read = DomainEvents.read(line);
            StripeChange change = (StripeChange) read.typedData();

            assertThat(validate(line)).as(line).isEmpty();
            assertThat(json(DomainEvent.of(read.stripeOrigin().orElseThrow(), read.time(), change)))
                    .isEqualTo(line);
            types.add(change.type());
        }

        assertThat(types)
                .as("the fixtures exercise every payment-worker type")
                .containsExactlyInAnyOrderElementsOf(DomainEventTypes.ALL.stream()
                        .filter(type -> !type.equals(DomainEventTypes.CONNECTION_STATUS_CHANGED))
                        .toList());
    }

    @Test
    void everyConnectionEventReadsAsItsRecordAndIsRebuiltByteForByte() throws IOException {
        for (String line : lines("catalog-sync-connection-events.tsv")) {
            String cause = line.substring(0, line.indexOf('\t'));
            String event = line.substring(line.indexOf('\t') + 1);
            DomainEvent read = DomainEvents.read(event);

            assertThat(validate(event)).as(event).isEmpty();
            assertThat(read.stripeOrigin()).isEmpty();
            assertThat(json(DomainEvent.of(cause, read.time(), (ConnectionStatusChanged) read.typedData())))
                    .isEqualTo(event);
        }
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = FeedAsProducedTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            assertThat(lines).isNotEmpty();
            return lines;
        }
    }
}
