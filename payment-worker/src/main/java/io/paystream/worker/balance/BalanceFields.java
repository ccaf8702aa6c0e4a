package io.paystream.worker.balance;

/**
 * The names of the fields balance documents store, shared by the projection that writes them and the queries that read
 * them, so a renamed field cannot compile on one side and break the other.
 */
final class BalanceFields {

    /** The collection, one document per object. */
    static final String COLLECTION = "balances";

    static final String AVAILABLE = "available";
    static final String PENDING = "pending";

    private BalanceFields() {}
}
