package io.paystream.catalog.connection.keys;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionProperties;
import io.paystream.catalog.connection.ConnectionRejectedException;
import io.paystream.catalog.connection.WebhookEndpointChecks;
import io.paystream.catalog.connection.outbox.ConnectionEvents;
import io.paystream.catalog.connection.store.ConnectionStore;
import io.paystream.events.SubscribedStripeEvents;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.support.outbox.OutboxEntry;
import io.paystream.support.outbox.OutboxSweeper;
import io.paystream.support.outbox.PendingEntries;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook endpoint of each key connection, read at Stripe with the connection's own key: disabled, deleted (404)
 * or subscribed to other events than {@link SubscribedStripeEvents#TYPES} is a problem. Each is stored on the
 * connection ({@link Connection.EndpointCheck}, shown by the connection API), counted
 * ({@code paystream_catalog_webhook_endpoint_problems{problem}}: connections with that problem at the last check;
 * {@code paystream_catalog_webhook_endpoint_repairs_total{repair}}) and announced on {@code payments.events}
 * ({@link ConnectionEvents#endpointProblem}), then repaired: a disabled endpoint is re-enabled and a wrong subscription
 * set right (one update), a deleted one is re-created and its new secret registered for webhook-ingest exactly as
 * connecting does. Safe because the endpoint is Paystream's own: created for this connection, pointing at Paystream.
 * A key Stripe refuses is left to the connection's own status; the next check tries again.
 */
class KeyEndpointChecks implements WebhookEndpointChecks {

    static final String PROBLEMS = "paystream.catalog.webhook_endpoint_problems";
    static final String REPAIRS = "paystream.catalog.webhook_endpoint_repairs";

    private static final Logger log = LoggerFactory.getLogger(KeyEndpointChecks.class);
    private static final List<String> PROBLEM_NAMES = List.of("disabled", "deleted", "wrong_events");

    private final StripeGateway stripe;
    private final ConnectionStore store;
    private final OutboxSweeper outbox;
    private final ConnectionEvents events;
    private final SecretCipher cipher;
    private final ConnectionProperties properties;
    private final MeterRegistry registry;
    private final Clock clock;
    private final MultiGauge problems;

    KeyEndpointChecks(
            StripeGateway stripe,
            ConnectionStore store,
            OutboxSweeper outbox,
            ConnectionEvents events,
            SecretCipher cipher,
            ConnectionProperties properties,
            MeterRegistry registry,
            Clock clock) {
        this.stripe = stripe;
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.cipher = cipher;
        this.properties = properties;
        this.registry = registry;
        this.clock = clock;
        this.problems = MultiGauge.builder(PROBLEMS)
                .description("Key connections whose webhook endpoint at Stripe had this problem at the last check")
                .register(registry);
        publish(new TreeMap<>());
    }

    @Override
    public void checkAll() {
        Map<String, Integer> found = new TreeMap<>();
        for (Connection connection : store.withWebhookEndpoints()) {
            try {
                check(connection).ifPresent(problem -> found.merge(problem, 1, Integer::sum));
            } catch (RuntimeException e) {
                log.warn("webhook endpoint of {} could not be checked: {}", connection.id(), e.getMessage());
            }
        }
        publish(found);
    }

    /** @return the problem found, if any */
    Optional<String> check(Connection connection) {
        Connection.Secrets secrets = connection.secrets();
        String endpointId = connection.webhookEndpointId();
        if (secrets == null || endpointId == null) {
            return Optional.empty();
        }
        ApiKey key = ApiKey.parse(cipher.decrypt(secrets.secretKeyEnvelope()))
                .orElseThrow(() -> new IllegalStateException("the stored key is not a Stripe API key"));
        Optional<StripeGateway.EndpointState> state = stripe.webhookEndpoint(key, endpointId);
        String problem = state.isEmpty()
                ? "deleted"
                : state.get().disabled()
                        ? "disabled"
                        : new HashSet<>(state.get().enabledEvents()).equals(new HashSet<>(SubscribedStripeEvents.TYPES))
                                ? null
                                : "wrong_events";
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (problem == null) {
            if (connection.endpointCheck() == null || connection.endpointCheck().problem() != null) {
                store.update(
                        connection,
                        connection.withEndpointCheck(new Connection.EndpointCheck(null, null, now), now),
                        List.of());
            }
            return Optional.empty();
        }
        log.warn("webhook endpoint {} of {} is {} at Stripe; repairing", endpointId, connection.id(), problem);
        if ("deleted".equals(problem)) {
            recreate(connection, key, now);
        } else {
            String repair = repairInPlace(connection, key, endpointId, problem);
            Connection next = connection.withEndpointCheck(new Connection.EndpointCheck(problem, repair, now), now);
            write(connection, next, List.of(events.endpointProblem(next, finding(problem, repair), now)));
        }
        return Optional.of(problem);
    }

    private @Nullable String repairInPlace(Connection connection, ApiKey key, String endpointId, String problem) {
        try {
            stripe.repairWebhookEndpoint(key, endpointId);
            String repair = "disabled".equals(problem) ? "re_enabled" : "events_fixed";
            repaired(repair);
            return repair;
        } catch (ConnectionRejectedException e) {
            log.warn("webhook endpoint {} of {} not repaired: {}", endpointId, connection.id(), e.getMessage());
            return null;
        }
    }

    /** A new endpoint and secret; the registration replaces the old one in webhook-ingest (same key: the id). */
    private void recreate(Connection connection, ApiKey key, Instant now) {
        StripeGateway.CreatedEndpoint created;
        try {
            created = stripe.createWebhookEndpoint(
                    key, properties.webhookUrl(connection.id()), connection.id(), connection.tenant());
        } catch (ConnectionRejectedException e) {
            log.warn("webhook endpoint of {} not re-created: {}", connection.id(), e.getMessage());
            Connection next = connection.withEndpointCheck(new Connection.EndpointCheck("deleted", null, now), now);
            write(connection, next, List.of(events.endpointProblem(next, finding("deleted", null), now)));
            return;
        }
        Connection.Secrets secrets = new Connection.Secrets(
                cipher.encrypt(cipher.decrypt(connection.secrets().secretKeyEnvelope())),
                cipher.encrypt(created.secret()),
                cipher.activeKeyId());
        Connection next = connection.withWebhookEndpoint(
                created.id(), secrets, new Connection.EndpointCheck("deleted", "re_created", now), now);
        List<OutboxEntry> entries = new ArrayList<>();
        entries.add(events.registration(next, now));
        entries.add(events.endpointProblem(next, finding("deleted", "re_created"), now));
        write(connection, next, entries);
        repaired("re_created");
        log.info("webhook endpoint of {} re-created as {} and registered", connection.id(), created.id());
    }

    private void write(Connection current, Connection next, List<OutboxEntry> entries) {
        Optional<PendingEntries> written = store.update(current, next, entries);
        if (written.isEmpty()) {
            throw new IllegalStateException("changed concurrently; the next check looks again");
        }
        outbox.relayOrSweepLater(List.of(written.get()));
    }

    private static String finding(String problem, @Nullable String repair) {
        return "Webhook endpoint: " + problem.replace('_', ' ') + " at Stripe"
                + (repair == null ? " (not repaired yet)" : " (" + repair.replace('_', ' ') + ")");
    }

    private void repaired(String repair) {
        Counter.builder(REPAIRS)
                .description("Webhook endpoints repaired by the endpoint check, by repair")
                .tag("repair", repair)
                .register(registry)
                .increment();
    }

    private void publish(Map<String, Integer> found) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String problem : PROBLEM_NAMES) {
            int count = found.getOrDefault(problem, 0);
            rows.add(MultiGauge.Row.of(Tags.of("problem", problem), count));
        }
        problems.register(rows, true);
    }
}
