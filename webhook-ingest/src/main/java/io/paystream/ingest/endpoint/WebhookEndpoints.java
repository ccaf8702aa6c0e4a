package io.paystream.ingest.endpoint;

import java.util.Optional;

/**
 * The webhook endpoints this ingest serves, looked up on every request. Implementations must be thread-safe and may
 * change at run time (endpoints created through an API are registered without a restart).
 */
public interface WebhookEndpoints {

    Optional<WebhookEndpoint> find(String id);
}
