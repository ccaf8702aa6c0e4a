package io.paystream.worker.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import io.paystream.worker.EngineRun;
import io.paystream.worker.WorkerHarness;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lifecycle, delivered in order, shuffled with many seeds, and with duplicates, ends in the same stored state.
 * Domain events: the in-order run defines the full set; other orders may skip an intermediate transition they never
 * observed (a subscription seen canceled first is never "activated" afterwards) but never invent one, always report
 * the final state's changes, and a given event id always means the same type.
 */
class LifecycleConvergenceTest {

    private static final int SEEDS = 50;

    static Stream<String> lifecycles() {
        return StripeFixtures.lifecycleNames().stream();
    }

    @ParameterizedTest
    @MethodSource("lifecycles")
    void everyDeliveryOrderConvergesOnTheSameState(String lifecycle) {
        List<FixtureEvent> events = StripeFixtures.lifecycle(lifecycle, "conv");
        Map<String, Map<Object, Document>> expected;
        Set<String> allTypes;
        Set<String> allIds;
        Map<String, Long> versions;
        Map<String, String> typeById = new HashMap<>();
        try (EngineRun inOrder = new EngineRun()) {
            events.forEach(e -> assertThat(inOrder.apply(e.body())).isNotNull());
            expected = inOrder.state();
            allTypes = inOrder.domainEventTypes();
            allIds = inOrder.domainEventIds();
            versions = WorkerHarness.versions(inOrder.database, "conv");
            inOrder.outbox().forEach(entry -> typeById.put(entry.getString("id"), entry.getString("type")));
            assertThat(inOrder.count("applied")).isPositive();
        }
        Set<String> finalTypes = typesOfFinalEventsAlone(events, expected);

        try (EngineRun batched = new EngineRun()) {
            List<FixtureEvent> twice = new ArrayList<>(events);
            twice.addAll(events);
            deliverInBatches(batched, twice, new Random(7));
            assertThat(batched.state()).isEqualTo(expected);
            assertThat(batched.domainEventIds()).isEqualTo(allIds);
            assertThat(WorkerHarness.versions(batched.database, "conv")).isEqualTo(versions);
        }

        try (EngineRun withDuplicates = new EngineRun()) {
            for (FixtureEvent event : events) {
                withDuplicates.apply(event.body());
                withDuplicates.apply(event.body());
            }
            events.forEach(e -> withDuplicates.apply(e.body()));
            assertThat(withDuplicates.state()).isEqualTo(expected);
            assertThat(withDuplicates.domainEventIds()).isEqualTo(allIds);
            // Every redelivery of an applied event is recognised as a duplicate, not merely found stale.
            assertThat(withDuplicates.count("duplicate")).isEqualTo(2 * withDuplicates.count("applied"));
        }

        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            List<FixtureEvent> delivery = new ArrayList<>(events);
            if (seed % 2 == 1) {
                for (int i = 0; i < events.size() / 3 + 1; i++) {
                    delivery.add(events.get(random.nextInt(events.size())));
                }
            }
            Collections.shuffle(delivery, random);
            try (EngineRun shuffled = new EngineRun()) {
                if (seed % 3 == 2) {
                    deliverInBatches(shuffled, delivery, random);
                } else {
                    delivery.forEach(e -> shuffled.apply(e.body()));
                }
                assertThat(shuffled.state()).as("%s, seed %d", lifecycle, seed).isEqualTo(expected);
                Set<String> types = shuffled.domainEventTypes();
                assertThat(types).as("%s, seed %d", lifecycle, seed).isSubsetOf(allTypes);
                assertThat(types).as("%s, seed %d", lifecycle, seed).containsAll(finalTypes);
                List<Document> outbox = shuffled.outbox();
                assertThat(outbox.stream().map(d -> d.getString("id")).distinct())
                        .as("no domain event twice")
                        .hasSize(outbox.size());
                outbox.stream()
                        .filter(entry -> typeById.containsKey(entry.getString("id")))
                        .forEach(entry ->
                                assertThat(entry.getString("type")).isEqualTo(typeById.get(entry.getString("id"))));
            }
        }
    }

    /** Polled batches of random size, as the listener applies them. */
    private static void deliverInBatches(EngineRun run, List<FixtureEvent> delivery, Random random) {
        for (int from = 0; from < delivery.size(); ) {
            int to = Math.min(delivery.size(), from + 1 + random.nextInt(20));
            run.applyAll(
                    delivery.subList(from, to).stream().map(FixtureEvent::body).toList());
            from = to;
        }
    }

    /** What the last applied event of each aggregate reports when it is the only event seen: always reported. */
    private static Set<String> typesOfFinalEventsAlone(
            List<FixtureEvent> events, Map<String, Map<Object, Document>> expected) {
        Set<String> lastEventIds = new HashSet<>();
        expected.values().forEach(docs -> docs.values().forEach(doc -> lastEventIds.add(doc.getString("lastEventId"))));
        try (EngineRun alone = new EngineRun()) {
            events.stream().filter(e -> lastEventIds.contains(e.id())).forEach(e -> alone.apply(e.body()));
            return alone.domainEventTypes();
        }
    }
}
