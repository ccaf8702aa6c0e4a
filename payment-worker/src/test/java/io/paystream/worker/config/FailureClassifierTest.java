package io.paystream.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.support.outbox.OutboxPublishException;
import io.paystream.worker.apply.PoisonEventException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class FailureClassifierTest {

    @Test
    void kafkaNotAcknowledgingTheOutboxIsTransientEvenWhenWrapped() {
        OutboxPublishException unacknowledged =
                new OutboxPublishException("Kafka did not acknowledge 3 outbox records", new TimeoutException());

        assertThat(FailureClassifier.isTransient(unacknowledged)).isTrue();
        assertThat(FailureClassifier.isTransient(new ListenerExecutionFailedException("listener", unacknowledged)))
                .isTrue();
        assertThat(FailureClassifier.isPoison(unacknowledged)).isFalse();
    }

    @Test
    void poisonIsDeadLetteredAtOnceAndABugIsNeitherPoisonNorTransient() {
        PoisonEventException poison = new PoisonEventException("no data.object.id");

        assertThat(FailureClassifier.isPoison(poison)).isTrue();
        assertThat(FailureClassifier.isTransient(poison)).isFalse();
        assertThat(FailureClassifier.isTransient(new IllegalStateException("a bug")))
                .isFalse();
    }
}
