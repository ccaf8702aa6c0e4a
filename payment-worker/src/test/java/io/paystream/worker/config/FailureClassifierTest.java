package io.paystream.worker.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import io.paystream.support.outbox.OutboxPublishException;
import io.paystream.worker.apply.PoisonEventException;
import java.util.concurrent.TimeoutException;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
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

    @Test
    void aServerFailingInItselfIsTransientAndARefusedCommandIsNot() {
        MongoCommandException storeClosed =
                commandError("{ok: 0, errmsg: 'Unknown error: This store is closed'}"); // mongo-java-server: no code
        MongoCommandException shuttingDown =
                commandError("{ok: 0, code: 91, codeName: 'ShutdownInProgress', errmsg: 'shutting down'}");
        MongoCommandException badQuery =
                commandError("{ok: 0, code: 2, codeName: 'BadValue', errmsg: 'unknown operator: $eqq'}");

        assertThat(FailureClassifier.isTransient(
                        new UncategorizedMongoDbException(storeClosed.getMessage(), storeClosed)))
                .isTrue();
        assertThat(FailureClassifier.isTransient(shuttingDown)).isTrue();
        assertThat(FailureClassifier.isTransient(badQuery)).isFalse();
    }

    private static MongoCommandException commandError(String response) {
        return new MongoCommandException(BsonDocument.parse(response), new ServerAddress());
    }
}
