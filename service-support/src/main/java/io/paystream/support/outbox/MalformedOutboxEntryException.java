package io.paystream.support.outbox;

/** A stored outbox entry that cannot be read as one: it is left where it is and reported, never published. */
public class MalformedOutboxEntryException extends IllegalArgumentException {

    public MalformedOutboxEntryException(String message) {
        super(message);
    }
}
