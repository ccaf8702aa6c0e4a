package io.paystream.worker.config;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.paystream.events.MalformedEventHeadersException;
import io.paystream.support.outbox.OutboxPublishException;
import io.paystream.worker.apply.ConcurrentAggregateUpdateException;
import io.paystream.worker.apply.PoisonEventException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.common.errors.RetriableException;
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

    /**
     * Codes of a MongoDB server that failed in itself, not because of the event: internal and unknown errors, a node
     * shutting down or stepping down, a network failure between members (MongoDB's {@code error_codes.yml}). And -1,
     * no code at all: mongo-java-server answers any exception of its own that way ("Unknown error"), e.g. its H2
     * store closing under it. Retrying such an event forever holds the partition (visible as consumer lag) until the
     * server recovers; a few attempts would dead-letter every event behind it, none of them at fault.
     */
    private static final Set<Integer> SERVER_FAILURE_CODES =
            Set.of(-1, 1, 6, 7, 8, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436);

    private static final List<String> TRANSIENT_LABELS = List.of("RetryableWriteError", "TransientTransactionError");

    private FailureClassifier() {}

    static boolean isPoison(Throwable failure) {
        return hasCauseOf(failure, POISON);
    }

    static boolean isTransient(Throwable failure) {
        return !isPoison(failure) && (hasCauseOf(failure, TRANSIENT) || serverFailed(failure));
    }

    private static boolean serverFailed(Throwable failure) {
        return anyCause(
                failure,
                current -> current instanceof MongoServerException server
                        && (SERVER_FAILURE_CODES.contains(server.getCode())
                                || TRANSIENT_LABELS.stream().anyMatch(server::hasErrorLabel)));
    }

    /** The innermost cause, whose message explains the failure best. */
    static Throwable rootCause(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean hasCauseOf(Throwable failure, List<Class<? extends Throwable>> types) {
        return anyCause(failure, current -> types.stream().anyMatch(type -> type.isInstance(current)));
    }

    /** Whether the failure or one of its causes matches, however deep it is wrapped. */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> matches) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (matches.test(current)) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }
}
