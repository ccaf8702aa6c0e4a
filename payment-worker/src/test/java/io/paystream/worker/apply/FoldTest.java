package io.paystream.worker.apply;

import static io.paystream.worker.apply.TestEvents.customer;
import static io.paystream.worker.apply.TestEvents.event;
import static io.paystream.worker.apply.TestEvents.paymentIntent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import io.paystream.worker.config.WorkerProjections;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The order rules of one aggregate, decided in memory: no MongoDB. */
class FoldTest {

    private static final long SECOND = 1_794_900_000L;
    private static final Date NOW = Date.from(Instant.parse("2026-12-01T10:00:00Z"));

    private final EventPreparation preparation = new EventPreparation(WorkerProjections.all());

    @Test
    void aNewAggregateIsInsertedWithEveryAppliedEventCountedAndItsDomainEvents() {
        Fold fold = fold("pi_1", null, ObjectRefetcher.NONE);

        ApplyResult created =
                fold.offer(prepare("evt_1", "payment_intent.created", SECOND, paymentIntent("pi_1", "processing")));
        ApplyResult succeeded = fold.offer(
                prepare("evt_2", "payment_intent.succeeded", SECOND + 1, paymentIntent("pi_1", "succeeded")));

        assertThat(created.outcome()).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(succeeded.outcome()).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(succeeded.outbox()).isNotEmpty();
        assertThat(fold.dirty()).isTrue();
        assertThat(fold.creates()).isTrue();
        Document inserted = ((InsertOneModel<Document>) fold.writeModel(NOW)).getDocument();
        assertThat(inserted.getString("status")).isEqualTo("succeeded");
        assertThat(inserted.getLong("version")).isEqualTo(2L);
        assertThat(inserted.getString("lastEventId")).isEqualTo("evt_2");
        assertThat(inserted.getList("recentEventIds", String.class)).containsExactly("evt_1", "evt_2");
        assertThat(inserted.getList("outbox", Document.class))
                .hasSize(created.outbox().size() + succeeded.outbox().size());
    }

    @Test
    void aDuplicateAndAStaleEventChangeNothing() {
        Fold fold = fold("cus_1", null, ObjectRefetcher.NONE);
        fold.offer(prepare("evt_new", "customer.updated", SECOND + 10, customer("cus_1", "new@example.com")));

        assertThat(fold.offer(prepare("evt_new", "customer.updated", SECOND + 10, customer("cus_1", "x@example.com")))
                        .outcome())
                .isEqualTo(ApplyOutcome.DUPLICATE);
        assertThat(fold.offer(prepare("evt_old", "customer.updated", SECOND, customer("cus_1", "old@example.com")))
                        .outcome())
                .isEqualTo(ApplyOutcome.STALE);
        Document inserted = ((InsertOneModel<Document>) fold.writeModel(NOW)).getDocument();
        assertThat(inserted.getString("email")).isEqualTo("new@example.com");
        assertThat(inserted.getLong("version")).isEqualTo(1L);
    }

    @Test
    void anUpdateIsConditionalOnTheVersionReadAndCarriesOnlyWhatChanged() {
        Document stored = stored("cus_2", "evt_a", SECOND, customer("cus_2", "a@example.com"));

        Fold fold = fold("cus_2", stored, ObjectRefetcher.NONE);
        ApplyResult result =
                fold.offer(prepare("evt_b", "customer.updated", SECOND + 5, customer("cus_2", "b@example.com")));

        assertThat(result.outcome()).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(fold.creates()).isFalse();
        UpdateOneModel<Document> update = (UpdateOneModel<Document>) fold.writeModel(NOW);
        assertThat(update.getFilter().toBsonDocument().toJson()).contains("\"version\": 1");
        Document set = ((Document) update.getUpdate()).get("$set", Document.class);
        assertThat(set.getString("email")).isEqualTo("b@example.com");
        assertThat(set.getLong("version")).isEqualTo(2L);
        assertThat(set.getList("recentEventIds", String.class)).containsExactly("evt_a", "evt_b");
    }

    @Test
    void anEqualStateIsAppliedWithoutADomainEvent() {
        Document stored = stored("pi_2", "evt_a", SECOND, paymentIntent("pi_2", "succeeded"));

        ApplyResult result = fold("pi_2", stored, ObjectRefetcher.NONE)
                .offer(prepare("evt_b", "payment_intent.succeeded", SECOND, paymentIntent("pi_2", "succeeded")));

        assertThat(result.outcome()).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(result.outbox()).isEmpty();
    }

    @Test
    void aTieLostByIdTakesTheRefetchedStateAndKeepsTheGreaterIdSuffixed() {
        Document stored = stored("cus_3", "evt_z", SECOND, customer("cus_3", "first@example.com"));
        ObjectRefetcher stripeNow =
                event -> Optional.of(JsonMapper.builder().build().readTree(customer("cus_3", "current@example.com")));

        Fold fold = fold("cus_3", stored, stripeNow);
        ApplyResult result =
                fold.offer(prepare("evt_a", "customer.updated", SECOND, customer("cus_3", "older@example.com")));

        assertThat(result.outcome()).isEqualTo(ApplyOutcome.APPLIED);
        Document set =
                ((Document) ((UpdateOneModel<Document>) fold.writeModel(NOW)).getUpdate()).get("$set", Document.class);
        assertThat(set.getString("email")).isEqualTo("current@example.com");
        assertThat(set.getString("lastEventId")).isEqualTo("evt_z" + Fold.REFETCHED_SUFFIX);
    }

    @Test
    void withoutRefetchATieIsSettledByEventId() {
        Document stored = stored("cus_4", "evt_z", SECOND, customer("cus_4", "first@example.com"));

        ApplyResult result = fold("cus_4", stored, ObjectRefetcher.NONE)
                .offer(prepare("evt_a", "customer.updated", SECOND, customer("cus_4", "older@example.com")));

        assertThat(result.outcome()).isEqualTo(ApplyOutcome.STALE);
    }

    @Test
    void anEventOfTheOtherModeOrAccountIsPoison() {
        Document stored = stored("cus_5", "evt_a", SECOND, customer("cus_5", "a@example.com"));

        assertThatThrownBy(() -> fold("cus_5", stored, ObjectRefetcher.NONE)
                        .offer(prepare(event(
                                "evt_live", "customer.updated", SECOND + 1, true, null, customer("cus_5", "b@x.com")))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("livemode");
        assertThatThrownBy(() -> fold("cus_5", stored, ObjectRefetcher.NONE)
                        .offer(prepare(event(
                                "evt_acct",
                                "customer.updated",
                                SECOND + 1,
                                false,
                                "acct_9",
                                customer("cus_5", "b@x.com")))))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("account");
    }

    @Test
    void theDedupeWindowKeepsTheNewestIds() {
        Fold fold = new Fold(
                projectionFor("cus_6"),
                "cus_6",
                null,
                new Fold.Rules(2, ObjectRefetcher.NONE, new OutboxEntries(Clock.systemUTC())));
        for (int i = 1; i <= 3; i++) {
            fold.offer(prepare("evt_" + i, "customer.updated", SECOND + i, customer("cus_6", i + "@example.com")));
        }

        Document inserted = ((InsertOneModel<Document>) fold.writeModel(NOW)).getDocument();
        assertThat(inserted.getList("recentEventIds", String.class)).containsExactly("evt_2", "evt_3");
    }

    /** The document a single applied event leaves, as the applier would have read it back. */
    private Document stored(String id, String eventId, long created, String object) {
        Prepared.Applicable first = prepare(eventId, "customer.updated", created, object);
        Fold fold = fold(id, null, ObjectRefetcher.NONE);
        fold.offer(first);
        Document document = ((InsertOneModel<Document>) fold.writeModel(NOW)).getDocument();
        document.remove("outbox");
        return document;
    }

    private Fold fold(String id, Document original, ObjectRefetcher refetcher) {
        return new Fold(projectionFor(id), id, original, rules(refetcher));
    }

    private static Projection projectionFor(String id) {
        String collection = id.startsWith("cus_") ? "customers" : "payment_intents";
        return WorkerProjections.all().stream()
                .filter(p -> p.collection().equals(collection))
                .findFirst()
                .orElseThrow();
    }

    private static Fold.Rules rules(ObjectRefetcher refetcher) {
        return new Fold.Rules(64, refetcher, new OutboxEntries(Clock.fixed(NOW.toInstant(), ZoneOffset.UTC)));
    }

    private Prepared.Applicable prepare(String id, String type, long created, String object) {
        return prepare(event(id, type, created, object));
    }

    private Prepared.Applicable prepare(byte[] body) {
        return (Prepared.Applicable) preparation.prepare(0, null, null, body);
    }
}
