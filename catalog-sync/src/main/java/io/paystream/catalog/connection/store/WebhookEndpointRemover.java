package io.paystream.catalog.connection.store;

import io.paystream.catalog.connection.Connection;

/**
 * Removes a connection's webhook endpoint on Stripe before it is marked disconnected. Declared here, implemented where
 * the API keys are handled: disconnecting is a store change, calling Stripe with the customer's key is not.
 */
public interface WebhookEndpointRemover {

    /**
     * Removes the endpoint if the connection has one; one already gone, or one nobody can remove any more (the
     * customer revoked the key), is not an error.
     *
     * @throws io.paystream.catalog.connection.ConnectionRejectedException when Stripe cannot be asked now; nothing was
     *     changed and the disconnection can be repeated
     */
    void remove(Connection connection);
}
