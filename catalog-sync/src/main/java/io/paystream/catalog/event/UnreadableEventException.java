package io.paystream.catalog.event;

/** An event that can never be applied: it is skipped at once, the next full sync reads the object from Stripe. */
class UnreadableEventException extends RuntimeException {

    UnreadableEventException(String message) {
        super(message);
    }
}
