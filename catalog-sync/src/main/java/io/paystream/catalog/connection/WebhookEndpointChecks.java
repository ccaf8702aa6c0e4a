package io.paystream.catalog.connection;

/**
 * Checks the webhook endpoint of every key connection at Stripe and repairs what is safe to repair; run on
 * reconciliation's schedule. Implemented in the {@code keys} sub-package, which holds the keys and the gateway.
 */
public interface WebhookEndpointChecks {

    /** One pass over every key connection that is not disconnected; a connection that fails does not stop the rest. */
    void checkAll();
}
