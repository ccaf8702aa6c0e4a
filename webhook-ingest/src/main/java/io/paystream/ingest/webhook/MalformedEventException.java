package io.paystream.ingest.webhook;

/** A verified body that is not a usable Stripe event. */
final class MalformedEventException extends Exception {

    private final Rejection rejection;

    MalformedEventException(Rejection rejection) {
        super(rejection.code(), null, false, false);
        this.rejection = rejection;
    }

    Rejection rejection() {
        return rejection;
    }
}
