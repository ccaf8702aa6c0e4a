package io.paystream.worker.customer;

/**
 * The names of the fields customer documents store, shared by the projection that writes them and the queries that
 * read them, so a renamed field cannot compile on one side and break the other.
 */
final class CustomerFields {

    /** The collection, one document per object. */
    static final String COLLECTION = "customers";

    static final String EMAIL = "email";
    static final String NAME = "name";

    private CustomerFields() {}
}
