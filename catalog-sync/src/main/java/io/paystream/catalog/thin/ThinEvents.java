package io.paystream.catalog.thin;

import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.catalog.connection.ConnectionProperties;
import io.paystream.catalog.reconcile.StripeEventsPublisher;
import io.paystream.catalog.stripe.StripeClients;
import io.paystream.catalog.sync.SyncTarget;
import io.paystream.catalog.sync.SyncTargetNames;
import io.paystream.catalog.sync.SyncTargets;
import io.paystream.events.EventSource;
import io.paystream.events.Topics;
import io.paystream.events.fetched.FetchedObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves one thin event: {@code GET related_object.url} with the key of the event's account and mode (and its
 * {@code Stripe-Account} when the platform's key reaches it), through the guarded client, so the mode's rate limiter
 * and retry policy apply; the answer is published as {@code FetchedObject.of(json, account, livemode, fetchedAt,
 * thin_event, <thin event id>, null)} on {@code stripe.fetched}, the topic of fetched objects, which only
 * payment-worker reads.
 *
 * <p>Outcomes ({@code paystream_catalog_thin_events_total{outcome}}): {@code resolved}; {@code unknown_type} (a related
 * object Paystream keeps no state of: counted and acknowledged, never failed); {@code not_found} (Stripe answers 404:
 * the object is gone); {@code no_key} (no connection or configured key reaches that account and mode);
 * {@code unreadable} (not a thin event with a related object and a plain retrieve URL); {@code failed} (Stripe failed
 * beyond the retries: given up, the next reconciliation or backfill reads the object's state). Only Kafka not
 * acknowledging the fetched object is thrown: that retry cannot lose anything.
 */
@Component
class ThinEvents {

    static final String METER = "paystream.catalog.thin_events";

    /** Stripe's {@code object} names of what a backfill reads: the types whose state some service keeps. */
    static final Set<String> KEPT = Set.of(
            "account",
            "balance",
            "customer",
            "product",
            "price",
            "payment_intent",
            "charge",
            "refund",
            "dispute",
            "checkout.session",
            "subscription",
            "invoice",
            "payout");

    /** A retrieve path of API v1: never a query, never another host. */
    private static final Pattern RETRIEVE_URL = Pattern.compile("/v1(/[a-z_]+){1,2}(/[A-Za-z0-9_]+)?");

    private static final Logger log = LoggerFactory.getLogger(ThinEvents.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SyncTargets targets;
    private final StripeClients clients;
    private final StripeEventsPublisher publisher;
    private final MeterRegistry registry;
    private final String defaultTenant;
    private final Clock clock;

    ThinEvents(
            SyncTargets targets,
            StripeClients clients,
            StripeEventsPublisher publisher,
            MeterRegistry registry,
            ConnectionProperties connections,
            Clock clock) {
        this.targets = targets;
        this.clients = clients;
        this.publisher = publisher;
        this.registry = registry;
        this.defaultTenant = connections.defaultTenant();
        this.clock = clock;
    }

    /**
     * @param account the record's account header (the event's context, or the receiving connection's account)
     * @throws StripeEventsPublisher.NotAcknowledgedException when Kafka did not acknowledge the fetched object
     */
    void resolve(byte @Nullable [] body, @Nullable String account, boolean livemode, @Nullable String tenant) {
        JsonNode event;
        try {
            event = body == null ? JSON.missingNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            event = JSON.missingNode();
        }
        String eventId = event.path("id").asString(null);
        JsonNode related = event.path("related_object");
        String type = related.path("type").asString(null);
        String url = related.path("url").asString(null);
        if (eventId == null || type == null) {
            count("unreadable");
            log.warn("thin event {} skipped: no related object", eventId);
            return;
        }
        if (!KEPT.contains(type)) {
            count("unknown_type");
            log.debug("thin event {} about a {}: no service keeps that type", eventId, type);
            return;
        }
        if (url == null || !RETRIEVE_URL.matcher(url).matches()) {
            count("unreadable");
            log.warn("thin event {} skipped: its related {} has no v1 retrieve URL", eventId, type);
            return;
        }
        String owner = account != null ? account : event.path("context").asString(null);
        Optional<SyncTarget> target = targets.of(owner != null ? owner : SyncTargetNames.PLATFORM, livemode).stream()
                .findFirst();
        if (target.isEmpty()) {
            count("no_key");
            log.warn("thin event {}: no key reaches {} in {} mode", eventId, owner, livemode ? "live" : "test");
            return;
        }
        fetchAndPublish(target.get(), eventId, type, url, tenant != null ? tenant : defaultTenant);
    }

    private void fetchAndPublish(SyncTarget target, String eventId, String type, String url, String tenant) {
        String json;
        Instant fetchedAt;
        try {
            json = clients.forTarget(target)
                    .rawRequest(ApiResource.RequestMethod.GET, url, null)
                    .body();
            fetchedAt = clock.instant();
        } catch (StripeException e) {
            if (e.getStatusCode() != null && e.getStatusCode() == 404) {
                count("not_found");
                log.info("thin event {}: the {} at {} no longer exists", eventId, type, url);
            } else {
                count("failed");
                log.warn(
                        "thin event {}: fetching the {} failed beyond the retries, skipped (the next reconciliation"
                                + " or backfill reads it): {}",
                        eventId,
                        type,
                        e.getMessage());
            }
            return;
        }
        String account = SyncTargetNames.PLATFORM.equals(target.account()) ? null : target.account();
        FetchedObject fetched =
                FetchedObject.of(json, account, target.livemode(), fetchedAt, EventSource.THIN_EVENT, eventId, null);
        publisher.publishAll(
                Topics.STRIPE_FETCHED,
                List.of(new StripeEventsPublisher.Outgoing(fetched.key(), fetched.toValue(), fetched.headers(tenant))));
        count("resolved");
    }

    private void count(String outcome) {
        Counter.builder(METER)
                .description("Thin events handled, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
