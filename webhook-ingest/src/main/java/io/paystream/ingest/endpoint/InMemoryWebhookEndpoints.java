package io.paystream.ingest.endpoint;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Endpoints held in memory; seeded from configuration and open to registration and removal at run time. */
public final class InMemoryWebhookEndpoints implements WebhookEndpoints {

    private final Map<String, WebhookEndpoint> byId = new ConcurrentHashMap<>();

    public InMemoryWebhookEndpoints(Collection<WebhookEndpoint> endpoints) {
        endpoints.forEach(this::register);
    }

    @Override
    public Optional<WebhookEndpoint> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Adds an endpoint, or replaces the one with the same id (e.g. after a secret was rolled). */
    public void register(WebhookEndpoint endpoint) {
        byId.put(endpoint.id(), endpoint);
    }

    public void remove(String id) {
        byId.remove(id);
    }

    public List<WebhookEndpoint> all() {
        return List.copyOf(byId.values());
    }
}
