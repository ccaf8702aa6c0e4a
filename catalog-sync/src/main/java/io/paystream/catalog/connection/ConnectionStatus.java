package io.paystream.catalog.connection;

import java.util.Locale;

/** Where a connection stands; {@link #DISCONNECTED} is final. */
public enum ConnectionStatus {
    /** Onboarding not finished, or Stripe is verifying what was submitted. */
    PENDING,
    /** Stripe needs more information before the account can charge or be paid out. */
    RESTRICTED,
    /** The account can charge and receive payouts. */
    ACTIVE,
    /** Stripe (or the platform) disabled the account for a reason other than missing information. */
    DISABLED,
    /** The customer disconnected: secrets wiped, webhook endpoint removed, history kept. */
    DISCONNECTED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConnectionStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
