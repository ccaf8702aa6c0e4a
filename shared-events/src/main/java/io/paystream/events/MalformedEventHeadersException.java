package io.paystream.events;

import org.jspecify.annotations.Nullable;

/** A record on {@link Topics#STRIPE_EVENTS} whose headers do not follow {@link StripeEventHeaders}. */
public class MalformedEventHeadersException extends IllegalArgumentException {

    public MalformedEventHeadersException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
