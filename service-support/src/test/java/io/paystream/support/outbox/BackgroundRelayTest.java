package io.paystream.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundRelayTest {

    private final List<String> relayed = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger sweepsAsked = new AtomicInteger();
    private final CountDownLatch kafkaAnswers = new CountDownLatch(1);
    private volatile boolean kafkaSlow;

    private final BackgroundRelay relay = new BackgroundRelay(
            pending -> {
                if (kafkaSlow) {
                    awaitKafka();
                }
                threads.add(Thread.currentThread().getName());
                pending.forEach(p -> relayed.add(p.documentId()));
            },
            sweepsAsked::incrementAndGet,
            2,
            "relay-under-test");

    @AfterEach
    void close() {
        kafkaAnswers.countDown();
        relay.close(Duration.ofSeconds(30));
    }

    @Test
    void relaysRunOneAtATimeOnTheirThreadInTheOrderTheyWereHandedOver() {
        for (int i = 0; i < 50; i++) {
            relay.relay(List.of(pending("doc_" + i)));
        }

        assertThat(relay.drain(Duration.ofSeconds(30))).isTrue();
        assertThat(relayed).hasSize(50).startsWith("doc_0", "doc_1", "doc_2").endsWith("doc_48", "doc_49");
        assertThat(relayed).isSortedAccordingTo((a, b) -> Integer.compare(number(a), number(b)));
        assertThat(threads).containsOnly("relay-under-test");
        assertThat(sweepsAsked).hasValue(0);
    }

    @Test
    void aWriterWaitsOnceCapacityRelaysAreWaiting() throws Exception {
        kafkaSlow = true;
        relay.relay(List.of(pending("running")));
        relay.relay(List.of(pending("queued")));
        AtomicBoolean thirdHandedOver = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            relay.relay(List.of(pending("third")));
            thirdHandedOver.set(true);
        });
        writer.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> writer.getState() == Thread.State.WAITING);
        assertThat(thirdHandedOver).isFalse();
        assertThat(relay.waiting()).isEqualTo(2);

        kafkaAnswers.countDown();
        writer.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(thirdHandedOver).isTrue();
        assertThat(relay.drain(Duration.ofSeconds(30))).isTrue();
        assertThat(relayed).containsExactly("running", "queued", "third");
    }

    @Test
    void aDrainThatRelaysOutlastAsksTheSweeperForThem() {
        kafkaSlow = true;
        relay.relay(List.of(pending("slow")));

        assertThat(relay.drain(Duration.ofMillis(50))).isFalse();
        assertThat(sweepsAsked).hasValue(1);

        kafkaAnswers.countDown();
        assertThat(relay.drain(Duration.ofSeconds(30))).isTrue();
        assertThat(relayed).containsExactly("slow");
    }

    @Test
    void entriesHandedOverAfterCloseAreLeftToTheSweeper() {
        relay.close(Duration.ofSeconds(30));

        relay.relay(List.of(pending("late")));

        assertThat(sweepsAsked).hasValue(1);
        assertThat(relayed).isEmpty();
        assertThat(relay.waiting()).isZero();
    }

    private void awaitKafka() {
        try {
            kafkaAnswers.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static PendingEntries pending(String documentId) {
        return new PendingEntries("payments", documentId, List.of());
    }

    private static int number(String documentId) {
        return Integer.parseInt(documentId.substring("doc_".length()));
    }
}
