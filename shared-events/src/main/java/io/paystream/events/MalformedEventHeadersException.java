package io.paystream.events;

/** A record on {@link Topics#STRIPE_EVENTS} whose headers do not follow {@link StripeEventHeaders}. */
public class MalformedEventHeadersException extends IllegalArgumentException {

    public MalformedEventHeadersException(String message, Throwable cause) {
        super(message, cause);
    }
}
