package io.paystream.catalog.connection.store;

/**
 * Thrown by {@link ConnectionStore#insert} when the account already has a live connection in that mode: another
 * request connected it between the caller's check and its insert.
 */
public class AlreadyConnectedException extends RuntimeException {

    AlreadyConnectedException() {
        super("the account already has a live connection in this mode", null, false, false);
    }
}
