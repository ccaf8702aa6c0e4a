package io.paystream.catalog.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.stripe.StripeClient;
import com.stripe.model.Product;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.catalog.metrics.CatalogMetrics;
import io.paystream.catalog.product.CatalogDocuments;
import io.paystream.catalog.sync.EmulatorConfiguration.TestAccounts;
import io.paystream.catalog.sync.SyncTarget;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.emulator.EmulatedEvent;
import io.paystream.emulator.StripeEmulator;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.Topics;
import io.paystream.testsupport.kafka.TestKafka;
import io.paystream.testsupport.kafka.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reconciliation against the Stripe emulator's Events API, whatever MongoDB runs underneath, through a broker of this
 * context's own: every event of an account published oldest first with its headers, dropped webhooks included; a
 * durable cursor; the fall-back to a backfill when the gap is older than Stripe's retention or its event is gone; a
 * 429 storm; a reconciled product event applied to the catalog by catalog-sync's own listener.
 */
@ReconcileTestContext
public abstract class ReconcileContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StripeEmulator emulator;

    @Autowired
    TestAccounts accounts;

    @Autowired
    Reconciliations reconciliations;

    @Autowired
    MongoDatabase database;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestKafka reconcileKafka;

    TopicReader events;

    @BeforeEach
    void reader() {
        events = TopicReader.fromBeginning(reconcileKafka.bootstrapServers(), Topics.STRIPE_EVENTS);
    }

    @AfterEach
    void closeReader() {
        emulator.dropWebhooks(0, 0);
        events.close();
    }

    @Test
    void everyEventIsPublishedOldestFirstWithItsHeadersDroppedWebhooksIncluded() throws Exception {
        EmulatedAccount account = accounts.create();
        client(account)
                .v1()
                .webhookEndpoints()
                .create(WebhookEndpointCreateParams.builder()
                        .setUrl("http://127.0.0.1:9/never-answers")
                        .putExtraParam("enabled_events", List.of("*"))
                        .build());
        long droppedBefore = emulator.droppedWebhooks();
        emulator.dropWebhooks(0.3, 12);
        List<EmulatedEvent> played = new ArrayList<>();
        for (String lifecycle : List.of("card_checkout_success", "partial_and_full_refund", "payout_paid")) {
            played.addAll(emulator.enact(lifecycle, account.id(), false));
        }

        TargetReconciliation.Result result =
                reconciliations.reconcile(target(account)).orElseThrow();

        assertThat(emulator.droppedWebhooks()).as("webhooks were dropped").isGreaterThan(droppedBefore);
        assertThat(result.outcome()).isEqualTo(TargetReconciliation.Outcome.SUCCEEDED);
        assertThat(result.published()).isEqualTo(played.size());
        List<ConsumerRecord<String, byte[]>> published = events.awaitRecords(reconciled(account), played.size());
        assertThat(published.stream().map(r -> header(r, StripeEventHeaders.EVENT_ID)))
                .as("every event the emulator recorded, dropped deliveries included, once")
                .containsExactlyInAnyOrderElementsOf(
                        played.stream().map(EmulatedEvent::id).toList());
        for (EmulatedEvent event : played) {
            ConsumerRecord<String, byte[]> record = published.stream()
                    .filter(r -> event.id().equals(header(r, StripeEventHeaders.EVENT_ID)))
                    .findFirst()
                    .orElseThrow();
            if (event.objectId() != null) {
                assertThat(record.key()).as("keyed like webhook-ingest keys it").isEqualTo(event.objectId());
            }
            assertThat(header(record, StripeEventHeaders.EVENT_TYPE)).isEqualTo(event.type());
            assertThat(header(record, StripeEventHeaders.EVENT_SHAPE)).isEqualTo("snapshot");
            assertThat(header(record, StripeEventHeaders.ACCOUNT)).isEqualTo(account.id());
            assertThat(header(record, StripeEventHeaders.LIVEMODE)).isEqualTo("false");
            assertThat(header(record, StripeEventHeaders.TENANT)).isEqualTo("default");
            JsonNode body = JSON.readTree(record.value());
            assertThat(body.path("id").asString())
                    .as("the event as the API returned it")
                    .isEqualTo(event.id());
        }
        for (String key : published.stream().map(ConsumerRecord::key).collect(Collectors.toSet())) {
            List<Long> created = published.stream()
                    .filter(r -> key.equals(r.key()))
                    .map(r -> JSON.readTree(r.value()).path("created").asLong())
                    .toList();
            assertThat(created).as("oldest first within each key").isSorted();
        }
    }

    @Test
    void theCursorIsDurableSoTheNextPassPublishesOnlyNewerEvents() throws Exception {
        EmulatedAccount account = accounts.create();
        List<EmulatedEvent> first = emulator.enact("card_checkout_success", account.id(), false);
        assertThat(reconciliations.reconcile(target(account)).orElseThrow().published())
                .isEqualTo(first.size());
        Document stored = database.getCollection(ReconcileCursors.COLLECTION)
                .find(Filters.eq("_id", account.id() + ":test"))
                .first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString(ReconcileCursors.EVENT_ID))
                .as("the newest event published")
                .isEqualTo(first.get(first.size() - 1).id());

        List<String> created = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            created.add(client(account)
                    .v1()
                    .products()
                    .create(ProductCreateParams.builder()
                            .setName("Reconciled " + i)
                            .build())
                    .getId());
        }
        TargetReconciliation.Result second =
                reconciliations.reconcile(target(account)).orElseThrow();

        assertThat(second.published()).as("only the nine new events").isEqualTo(9);
        List<ConsumerRecord<String, byte[]>> all = events.awaitRecords(reconciled(account), first.size() + 9);
        assertThat(all.stream().map(r -> header(r, StripeEventHeaders.EVENT_ID)).distinct())
                .as("no event published twice")
                .hasSize(all.size());
        assertThat(all.stream().filter(r -> "product.created".equals(header(r, StripeEventHeaders.EVENT_TYPE))))
                .extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrderElementsOf(created);
        assertThat(reconciliations.reconcile(target(account)).orElseThrow().published())
                .as("nothing new, nothing published")
                .isZero();
    }

    @Test
    void aReconciledProductEventIsAppliedByTheCatalogListenerLikeAWebhook() throws Exception {
        EmulatedAccount account = accounts.create();
        reconciliations.reconcile(target(account)); // the cursor starts here
        Product product = client(account)
                .v1()
                .products()
                .create(ProductCreateParams.builder()
                        .setName("Missed by webhooks")
                        .build());

        reconciliations.reconcile(target(account));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(database.getCollection(CatalogDocuments.PRODUCTS)
                                .countDocuments(Filters.and(
                                        Filters.eq(CatalogDocuments.ACCOUNT, account.id()),
                                        Filters.eq(CatalogDocuments.STRIPE_ID, product.getId()))))
                        .isEqualTo(1));
    }

    @Test
    void aCursorOlderThanStripesRetentionFallsBackToABackfillAndMovesToNow() throws Exception {
        EmulatedAccount account = accounts.create();
        List<EmulatedEvent> played = emulator.enact("card_checkout_success", account.id(), false);
        storeCursor(account, "evt_long_gone", Instant.now().minus(Duration.ofDays(121)));

        TargetReconciliation.Result result =
                reconciliations.reconcile(target(account)).orElseThrow();

        assertThat(result.outcome()).isEqualTo(TargetReconciliation.Outcome.GAP);
        assertGapHandled(account, played, "older than Stripe's event retention");
    }

    @Test
    void aCursorWhoseEventStripeNoLongerHasFallsBackToABackfill() throws Exception {
        EmulatedAccount account = accounts.create();
        List<EmulatedEvent> played = emulator.enact("payout_paid", account.id(), false);
        storeCursor(account, "evt_pruned0000000000000", Instant.now().minus(Duration.ofDays(2)));

        TargetReconciliation.Result result =
                reconciliations.reconcile(target(account)).orElseThrow();

        assertThat(result.outcome()).isEqualTo(TargetReconciliation.Outcome.GAP);
        assertGapHandled(account, played, "no longer has the cursor's event");
    }

    @Test
    void aRateLimitStormSlowsThePassDownAndItStillSucceeds() {
        EmulatedAccount account = accounts.create();
        List<EmulatedEvent> played = emulator.enact("subscription_trial_to_canceled", account.id(), false);
        double limitedBefore = rateLimited();
        emulator.rateLimitBurst(Duration.ofMillis(1500));

        TargetReconciliation.Result result =
                reconciliations.reconcile(target(account)).orElseThrow();

        assertThat(result.outcome()).isEqualTo(TargetReconciliation.Outcome.SUCCEEDED);
        assertThat(result.published()).isEqualTo(played.size());
        assertThat(rateLimited()).as("429s were met and retried").isGreaterThan(limitedBefore);
        assertThat(events.awaitRecords(reconciled(account), played.size())).hasSize(played.size());
    }

    private void assertGapHandled(EmulatedAccount account, List<EmulatedEvent> played, String why) {
        Document status = database.getCollection(ReconcileCursors.COLLECTION)
                .find(Filters.eq("_id", account.id() + ":test"))
                .first();
        assertThat(status).isNotNull();
        assertThat(status.getString(ReconcileCursors.LAST_OUTCOME)).isEqualTo("gap");
        assertThat(status.getString(ReconcileCursors.LAST_DETAIL)).contains(why).contains("backfill");
        assertThat(status.getString(ReconcileCursors.EVENT_ID))
                .as("moved to Stripe's newest event")
                .isEqualTo(played.get(played.size() - 1).id());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(database.getCollection(
                                "catalog_backfill_runs")
                        .countDocuments(Filters.and(
                                Filters.eq("account", account.id()), Filters.eq("trigger", "reconciliation_gap"))))
                .as("a backfill of the target was queued")
                .isEqualTo(1));
    }

    private void storeCursor(EmulatedAccount account, String eventId, Instant created) {
        database.getCollection(ReconcileCursors.COLLECTION)
                .insertOne(new Document("_id", account.id() + ":test")
                        .append("account", account.id())
                        .append("livemode", false)
                        .append(ReconcileCursors.EVENT_ID, eventId)
                        .append(ReconcileCursors.CREATED, Date.from(created)));
    }

    private double rateLimited() {
        return meters.find(CatalogMetrics.RATE_LIMITED).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private StripeClient client(EmulatedAccount account) {
        return StripeClient.builder()
                .setApiKey(account.testSecretKey())
                .setApiBase(emulator.baseUrl())
                .build();
    }

    static SyncTarget target(EmulatedAccount account) {
        return new SyncTarget(account.id(), false, account.testSecretKey(), null);
    }

    static Predicate<ConsumerRecord<String, byte[]>> reconciled(EmulatedAccount account) {
        return TopicReader.hasHeader(StripeEventHeaders.SOURCE, "reconciliation")
                .and(TopicReader.hasHeader(StripeEventHeaders.ACCOUNT, account.id()));
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        return String.valueOf(TopicReader.header(record, name));
    }

    static Set<String> ids(List<EmulatedEvent> events) {
        return events.stream().map(EmulatedEvent::id).collect(Collectors.toSet());
    }
}
