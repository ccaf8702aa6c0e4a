package io.paystream.worker.config;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.paystream.events.MalformedEventHeadersException;
import io.paystream.support.outbox.OutboxPublishException;
import io.paystream.worker.apply.ConcurrentAggregateUpdateException;
import io.paystream.worker.apply.PoisonEventException;
import java.util.List;
import org.apache.kafka.common.errors.RetriableException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;

/** Sorts failures into poison (dead-letter at once), transient (retry forever) and the rest (a few attempts). */
final class FailureClassifier {

    static final List<Class<? extends Throwable>> POISON =
            List.of(PoisonEventException.class, MalformedEventHeadersException.class);

    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            MongoTimeoutException.class,
            MongoSocketException.class,
            MongoServerUnavailableException.class,
            MongoNotPrimaryException.class,
            MongoNodeIsRecoveringException.class,
            MongoExecutionTimeoutException.class,
            DataAccessResourceFailureException.class,
            RetriableException.class,
            OutboxPublishException.class,
            ConcurrentAggregateUpdateException.class);

    private FailureClassifier() {}

    static boolean isPoison(Throwable failure) {
        return causeOf(failure, POISON) != null;
    }

    static boolean isTransient(Throwable failure) {
        return !isPoison(failure) && causeOf(failure, TRANSIENT) != null;
    }

    /** The innermost cause, whose message explains the failure best. */
    static Throwable rootCause(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static @Nullable Throwable causeOf(Throwable failure, List<Class<? extends Throwable>> types) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(current)) {
                    return current;
                }
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
