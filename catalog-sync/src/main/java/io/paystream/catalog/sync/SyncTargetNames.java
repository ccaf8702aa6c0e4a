package io.paystream.catalog.sync;

/** How accounts are named in documents, locks, metrics and the API. */
public final class SyncTargetNames {

    /** The platform's own account, as the worker names it; Connect accounts keep their {@code acct_...} id. */
    public static final String PLATFORM = "platform";

    /** What the API accepts as an account. */
    public static final String ACCOUNT_PATTERN = "platform|acct_[A-Za-z0-9]+";

    private SyncTargetNames() {}

    /** {@code catalog-sync:<account>:<live|test>}: one lock per target across the cluster. */
    public static String lockName(SyncTarget target) {
        return "catalog-sync:" + target.key();
    }

    public static String mode(boolean livemode) {
        return livemode ? "live" : "test";
    }
}
