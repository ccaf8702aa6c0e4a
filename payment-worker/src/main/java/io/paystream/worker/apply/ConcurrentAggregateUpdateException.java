package io.paystream.worker.apply;

/** Too many concurrent writers on one aggregate in a row: transient, the event is retried. */
public class ConcurrentAggregateUpdateException extends RuntimeException {

    public ConcurrentAggregateUpdateException(String message) {
        super(message);
    }
}
