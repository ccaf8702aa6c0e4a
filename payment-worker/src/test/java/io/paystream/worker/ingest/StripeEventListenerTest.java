package io.paystream.worker.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paystream.support.outbox.BackgroundRelay;
import io.paystream.support.outbox.OutboxRelay;
import io.paystream.support.outbox.OutboxSweeper;
import io.paystream.support.outbox.PendingEntries;
import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import io.paystream.worker.EngineRun;
import io.paystream.worker.StripeRecords;
import io.paystream.worker.apply.ApplyResult;
import io.paystream.worker.apply.StripeEventApplier;
import io.paystream.worker.config.WorkerProjections;
import io.paystream.worker.metrics.WorkerMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** Every way a batch can fail still relays what was written before the failure, or asks the sweeper for a pass. */
class StripeEventListenerTest {

    private final EngineRun run = new EngineRun();
    private final RecordingRelay relay = new RecordingRelay();
    private final OutboxSweeper sweeper =
            new OutboxSweeper(run.database, List.of(), relay, backlog -> {}, Clock.systemUTC(), Duration.ZERO, 10);
    private final BackgroundRelay background = new BackgroundRelay(sweeper, 2, "test-outbox-relay");

    @AfterEach
    void drop() {
        background.close();
        run.close();
    }

    @Test
    void aPoisonRecordAfterAppliedOnesFailsAloneAndTheirDomainEventsAreRelayed() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        StripeFixtures.lifecycle("payout_paid", "listener").forEach(event -> records.add(record(event)));
        records.add(record(StripeRecords.of(
                "evt_poison", "payout.paid", "po_x", false, "{not json".getBytes(StandardCharsets.UTF_8))));
        StripeEventListener listener = new StripeEventListener(run.applier, background, idleSweeper());

        assertThatThrownBy(() -> listener.onEvents(records))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getRecord())
                        .isSameAs(records.get(records.size() - 1)));
        assertThat(background.drain(Duration.ofSeconds(30))).isTrue();
        assertThat(relay.relayedIds()).isNotEmpty().containsExactlyInAnyOrderElementsOf(run.domainEventIds());
    }

    @Test
    void anUnexpectedFailureOfTheWholeBatchAsksTheSweeperForAPass() {
        StripeEventApplier broken =
                new StripeEventApplier(
                        run.database,
                        WorkerProjections.all(),
                        new WorkerMetrics(new SimpleMeterRegistry()),
                        Clock.systemUTC(),
                        64,
                        16) {
                    @Override
                    public List<ApplyResult> applyAll(List<Incoming> records) {
                        throw new IllegalStateException("a bug after some writes");
                    }
                };
        StripeEventListener listener = new StripeEventListener(broken, background, idleSweeper());

        assertThatThrownBy(() -> listener.onEvents(List.of(record(first())))).isInstanceOf(IllegalStateException.class);
        assertThat(sweeper.isSweepDue()).isTrue();
    }

    @Test
    void aFailedRelayAsksTheSweeperForAPass() {
        relay.failing = true;
        StripeEventListener listener = new StripeEventListener(run.applier, background, idleSweeper());

        listener.onEvents(StripeFixtures.lifecycle("payout_paid", "listener").stream()
                .map(StripeEventListenerTest::record)
                .toList());

        assertThat(background.drain(Duration.ofSeconds(30))).isTrue();
        assertThat(run.domainEventIds()).isNotEmpty();
        assertThat(sweeper.isSweepDue()).isTrue();
    }

    /** The sweeper after its start-up pass: no pass is due until something asks for one. */
    private OutboxSweeper idleSweeper() {
        sweeper.sweepIfNeeded();
        assertThat(sweeper.isSweepDue()).isFalse();
        return sweeper;
    }

    private static FixtureEvent first() {
        return StripeFixtures.lifecycle("payout_paid", "listener").get(0);
    }

    private static ConsumerRecord<String, byte[]> record(FixtureEvent event) {
        return record(StripeRecords.of(event));
    }

    private static ConsumerRecord<String, byte[]> record(ProducerRecord<String, byte[]> sent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), 0, 0, sent.key(), sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        return record;
    }

    /** Records what it is asked to publish instead of publishing it, or fails like an unreachable broker. */
    private static final class RecordingRelay extends OutboxRelay {

        final List<String> relayed = new ArrayList<>();
        boolean failing;

        RecordingRelay() {
            super(null, null, Duration.ZERO);
        }

        @Override
        public void relay(List<PendingEntries> pending) {
            if (failing && !pending.isEmpty()) {
                throw new IllegalStateException("broker unreachable");
            }
            pending.forEach(p -> p.entries().forEach(entry -> relayed.add(entry.id())));
        }

        List<String> relayedIds() {
            return relayed;
        }
    }
}
