package io.paystream.worker.apply;

import static io.paystream.worker.apply.TestEvents.customer;
import static io.paystream.worker.apply.TestEvents.event;
import static io.paystream.worker.apply.TestEvents.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.events.EventShape;
import io.paystream.events.EventSource;
import io.paystream.events.StripeEventId;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.fetched.FetchedObject;
import io.paystream.worker.config.WorkerProjections;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What is decided about a record before the store is read: no MongoDB, no Kafka. */
class EventPreparationTest {

    private static final long SECOND = 1_794_900_000L;

    private final EventPreparation preparation = new EventPreparation(WorkerProjections.all());

    @Test
    void aProjectedEventBecomesItsStateOrderedByTerminalSecondPrecedenceAndId() {
        Prepared prepared =
                preparation.prepare(3, null, null, event("evt_1", "invoice.paid", SECOND, invoice("in_1", "paid", 1)));

        Prepared.Applicable applicable = (Prepared.Applicable) prepared;
        assertThat(applicable.index()).isEqualTo(3);
        assertThat(applicable.aggregateId()).isEqualTo("in_1");
        assertThat(applicable.projection().collection()).isEqualTo("invoices");
        assertThat(applicable.state().getString("status")).isEqualTo("paid");
        assertThat(applicable.key().terminal()).isTrue();
        assertThat(applicable.key().created()).isEqualTo(SECOND);
        assertThat(applicable.key().eventId()).isEqualTo("evt_1");
    }

    @Test
    void aFetchedObjectIsItsObjectsStateOrderedAtTheFetchSecondBelowAnEvent() {
        FetchedObject fetched = Fetches.of("run_1", SECOND, "acct_1", EventSource.BACKFILL, invoice("in_1", "paid", 1));

        Prepared.Applicable applicable = (Prepared.Applicable)
                preparation.prepare(2, Fetches.metadata(fetched), Fetches.source(fetched), fetched.toValue());

        assertThat(applicable.eventType()).isEqualTo("invoice.fetched");
        assertThat(applicable.source()).isEqualTo(EventSource.BACKFILL);
        assertThat(applicable.aggregateId()).isEqualTo("in_1");
        assertThat(applicable.event().account()).isEqualTo("acct_1");
        assertThat(applicable.state().getString("status")).isEqualTo("paid");
        assertThat(applicable.key())
                .isEqualTo(new OrderKey(true, SECOND, applicable.key().precedence(), true, "fetch_run_1_in_1"));
        OrderKey event = new OrderKey(true, SECOND, applicable.key().precedence(), false, "evt_0");
        assertThat(event).as("an event of the same second and precedence").isGreaterThan(applicable.key());
        assertThat(event.tiesWith(applicable.key())).as("never refetched").isFalse();
    }

    @Test
    void unknownObjectTypesAndThinEventsAreIgnoredNotApplied() {
        byte[] unknown =
                event("evt_u", "climate.order.created", SECOND, "{\"id\":\"co_1\",\"object\":\"climate.order\"}");
        byte[] thin = "{\"id\":\"evt_thin\",\"object\":\"v2.core.event\",\"type\":\"v1.billing.meter.no_meter_found\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(preparation.prepare(0, null, null, unknown))
                .isEqualTo(new Prepared.Ignored(0, "climate.order.created", EventSource.WEBHOOK));
        assertThat(preparation.prepare(1, null, null, thin))
                .isEqualTo(new Prepared.Ignored(1, "v2.core.event", EventSource.WEBHOOK));
    }

    @Test
    void aDeletionKeepsOnlyTheFieldsItsStubCarriesAndIsTerminal() {
        byte[] deleted = event(
                "evt_d", "customer.deleted", SECOND, "{\"id\":\"cus_d\",\"object\":\"customer\",\"deleted\":true}");

        Prepared.Applicable applicable = (Prepared.Applicable) preparation.prepare(0, null, null, deleted);

        assertThat(applicable.state()).doesNotContainKey("email").containsEntry("deleted", true);
        assertThat(applicable.state().getDate("deletedAt")).isEqualTo(Instant.ofEpochSecond(SECOND));
        assertThat(applicable.key().terminal()).isTrue();
    }

    @Test
    void headersThatContradictTheBodyMakeThePoisonAndTheEndpointsAccountFillsAnEmptyOne() {
        byte[] body = event("evt_h", "customer.created", SECOND, customer("cus_h", "h@example.com"));

        assertThatThrownBy(() -> preparation.prepare(0, metadata("evt_other", false, null), null, body))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("event id");
        assertThatThrownBy(() -> preparation.prepare(0, metadata("evt_h", true, null), null, body))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("livemode");
        Prepared.Applicable fromEndpoint =
                (Prepared.Applicable) preparation.prepare(0, metadata("evt_h", false, "acct_keys"), null, body);
        assertThat(fromEndpoint.event().account()).isEqualTo("acct_keys");
    }

    @Test
    void aBodyThatIsNoEventIsPoison() {
        assertThatThrownBy(() -> preparation.prepare(0, null, null, "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageNotContaining("not json");
    }

    private static StripeEventMetadata metadata(String eventId, boolean livemode, String account) {
        return new StripeEventMetadata(
                new StripeEventId(eventId),
                "customer.created",
                EventShape.SNAPSHOT,
                account,
                livemode,
                "2026-07-29.dahlia",
                Instant.ofEpochSecond(SECOND),
                "we_test",
                "tenant_test",
                Instant.now());
    }
}
