package io.paystream.catalog.connection;

/**
 * A connection just became usable: enabled, and its account {@code active} or {@code restricted} (keys validated,
 * onboarding finished far enough, or switched on again), so its account can now be read with the connection's access.
 * Published in-process (a Spring application event) after the write that made it so; features that act on new accounts
 * (the backfill) listen to it instead of this package knowing them.
 *
 * @param connectionId the connection
 * @param tenant its tenant
 * @param accountId the Stripe account it reaches
 * @param livemode its mode
 */
public record ConnectionUsable(String connectionId, String tenant, String accountId, boolean livemode) {

    /** Whether a connection in this state can be synced and backfilled: the one rule, also the store's query. */
    public static boolean isUsable(Connection connection) {
        return connection.enabled()
                && (connection.status() == ConnectionStatus.ACTIVE
                        || connection.status() == ConnectionStatus.RESTRICTED);
    }

    public static ConnectionUsable of(Connection connection) {
        return new ConnectionUsable(
                connection.id(),
                connection.tenant(),
                connection.accountId(),
                connection.mode().livemode());
    }
}
