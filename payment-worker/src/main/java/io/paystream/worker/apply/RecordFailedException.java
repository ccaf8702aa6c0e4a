package io.paystream.worker.apply;

import java.util.List;

/**
 * Record {@link #index()} of a batch given to {@link StripeEventApplier#applyAll} failed; every record before it has been applied. {@link #written()} holds the
 * results of every record whose write went through, those before the failed one and any after it in another
 * collection: their outbox entries are stored and wait to be relayed, and a redelivery would find them duplicates.
 */
public class RecordFailedException extends RuntimeException {

    private final int index;
    private final List<ApplyResult> written;

    RecordFailedException(int index, RuntimeException cause) {
        this(index, cause, List.of());
    }

    private RecordFailedException(int index, Throwable cause, List<ApplyResult> written) {
        super(cause.getMessage(), cause);
        this.index = index;
        this.written = List.copyOf(written);
    }

    public int index() {
        return index;
    }

    public List<ApplyResult> written() {
        return written;
    }

    RecordFailedException withWritten(List<ApplyResult> written) {
        return new RecordFailedException(index, getCause(), written);
    }
}
