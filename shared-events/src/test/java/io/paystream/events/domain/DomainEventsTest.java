package io.paystream.events.domain;

import static io.paystream.events.domain.PaymentsEventSchema.json;
import static io.paystream.events.domain.PaymentsEventSchema.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.events.EventSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a consumer reads the feed: tolerant of what producers may add, strict about what they promised. */
class DomainEventsTest {

    private static final String SUCCEEDED = json(DomainEventExamples.of(DomainEventTypes.PAYMENT_SUCCEEDED));

    @Test
    void readsTheEnvelopeAndTheTypedData() {
        DomainEvent event = DomainEvents.read(SUCCEEDED.getBytes(StandardCharsets.UTF_8));

        assertThat(event.id()).isEqualTo(DomainEvent.idFor("evt_1Cause", DomainEventTypes.PAYMENT_SUCCEEDED));
        assertThat(event.subject()).isEqualTo("pi_3QxPay");
        assertThat(event.time()).isEqualTo(DomainEventExamples.CREATED);
        assertThat(event.stripeOrigin())
                .contains(new StripeOrigin("pi_3QxPay", "payment_intent", "platform", false, "evt_1Cause"));
        assertThat(event.typedData())
                .isEqualTo(
                        new PaymentSucceeded("succeeded", 4900L, 4900L, "usd", "cus_Rk2Tq", "pi_3QxPay", "ch_3QxPay"));
    }

    @Test
    void anUnknownTypeReadsAsUnknownDataInsteadOfFailing() {
        String newer = SUCCEEDED
                .replace(DomainEventTypes.PAYMENT_SUCCEEDED, "io.paystream.payment.captured")
                .replace("\"amount\":4900", "\"amount\":{\"value\":4900}");

        DomainEvent event = DomainEvents.read(newer);

        assertThat(event.typedData()).isInstanceOfSatisfying(UnknownEventData.class, unknown -> {
            assertThat(unknown.type()).isEqualTo("io.paystream.payment.captured");
            assertThat(unknown.data()).containsEntry("currency", "usd").containsKey("amount");
        });
        assertThat(event.stripeOrigin()).map(StripeOrigin::objectId).contains("pi_3QxPay");
    }

    @Test
    void unknownAttributesAndDataFieldsAreIgnored() {
        String grown = SUCCEEDED
                .replace("\"specversion\":\"1.0\"", "\"specversion\":\"1.0\",\"traceparent\":\"00-abc-01\"")
                .replace("\"currency\":\"usd\"", "\"currency\":\"usd\",\"captureMethod\":\"automatic\"");

        assertThat(DomainEvents.read(grown).typedData())
                .isEqualTo(DomainEvents.read(SUCCEEDED).typedData());
    }

    @Test
    void anOptionalFieldMayBeNullOrMissingButARequiredOneMayNot() {
        String withoutCustomer = SUCCEEDED.replace("\"customer\":\"cus_Rk2Tq\",", "");
        String withoutIntent = SUCCEEDED.replace("\"paymentIntent\":\"pi_3QxPay\",", "");
        String nullIntent = SUCCEEDED.replace("\"paymentIntent\":\"pi_3QxPay\"", "\"paymentIntent\":null");

        assertThat(((PaymentSucceeded) DomainEvents.read(withoutCustomer).typedData()).customer())
                .isNull();
        assertThatThrownBy(() -> DomainEvents.read(withoutIntent))
                .isInstanceOf(MalformedDomainEventException.class)
                .hasMessageContaining("data.paymentIntent of " + DomainEventTypes.PAYMENT_SUCCEEDED);
        assertThatThrownBy(() -> DomainEvents.read(nullIntent)).isInstanceOf(MalformedDomainEventException.class);
    }

    @Test
    void aFieldOfAnotherJsonTypeIsMalformed() {
        assertThatThrownBy(() -> DomainEvents.read(SUCCEEDED.replace("\"amount\":4900", "\"amount\":\"4900\"")))
                .isInstanceOf(MalformedDomainEventException.class)
                .hasMessageContaining("data.amount")
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> DomainEvents.read(SUCCEEDED.replace("\"amount\":4900", "\"amount\":49.5")))
                .isInstanceOf(MalformedDomainEventException.class);
        String renewed = json(DomainEventExamples.of(DomainEventTypes.SUBSCRIPTION_RENEWED));
        assertThatThrownBy(() -> DomainEvents.read(renewed.replace("2027-01-22T10:15:30.250Z", "next month")))
                .isInstanceOf(MalformedDomainEventException.class)
                .hasMessageContaining("data.currentPeriodEnd");
        String onboarding = json(DomainEventExamples.of(DomainEventTypes.ACCOUNT_ONBOARDING_UPDATED));
        assertThatThrownBy(() -> DomainEvents.read(onboarding.replace("[\"external_account\"]", "[7]")))
                .isInstanceOf(MalformedDomainEventException.class)
                .hasMessageContaining("data.pastDue");
    }

    @Test
    void largeAndSmallIntegersReadAsLongs() {
        String large = SUCCEEDED.replace("\"amount\":4900", "\"amount\":9000000000000");

        assertThat(((PaymentSucceeded) DomainEvents.read(large).typedData()).amount())
                .isEqualTo(9_000_000_000_000L);
        assertThatThrownBy(
                        () -> DomainEvents.read(SUCCEEDED.replace("\"amount\":4900", "\"amount\":1" + "0".repeat(20))))
                .isInstanceOf(MalformedDomainEventException.class);
    }

    @Test
    void aBrokenEnvelopeIsMalformed() {
        for (String broken : new String[] {
            "not json",
            "null",
            "[]",
            SUCCEEDED.replace("\"time\":\"2026-11-22T10:15:30Z\",", ""),
            SUCCEEDED.replace("\"specversion\":\"1.0\",", ""),
            SUCCEEDED.replace("\"datacontenttype\":\"application/json\",", ""),
            SUCCEEDED.substring(0, SUCCEEDED.indexOf(",\"data\"")) + "}",
            SUCCEEDED.replace("\"time\":\"2026-11-22T10:15:30Z\"", "\"time\":\"yesterday\"")
        }) {
            assertThatThrownBy(() -> DomainEvents.read(broken))
                    .as(broken)
                    .isInstanceOf(MalformedDomainEventException.class);
        }
    }

    @Test
    void aConnectionEventHasNoStripeOriginAndKeepsItsOwnFields() {
        DomainEvent event = DomainEvents.read(json(DomainEventExamples.of(DomainEventTypes.CONNECTION_STATUS_CHANGED)));

        assertThat(event.stripeOrigin()).isEmpty();
        assertThat(event.source()).isEqualTo("/paystream/catalog-sync/acct_1Acme");
        assertThat(event.subject()).isEqualTo("conn_7Hq2Lm");
        assertThat(event.id()).isEqualTo(DomainEvent.idFor("conn_7Hq2Lm|evt_1Restr", ConnectionStatusChanged.TYPE));
        assertThat(event.typedData()).isInstanceOfSatisfying(ConnectionStatusChanged.class, changed -> {
            assertThat(changed.previousStatus()).isEqualTo("pending");
            assertThat(changed.missing()).containsExactly("Bank account", "Tax ID");
        });
    }

    @Test
    void aStripeChangeIsTheEnvelopeTheHandMadeMapMade() {
        StripeOrigin origin = new StripeOrigin("po_1", "payout", "acct_1", true, "evt_9");
        PayoutPaid paid = new PayoutPaid("paid", 100L, "usd", Instant.parse("2026-11-24T00:00:00Z"));
        java.util.Map<String, Object> handMade = new java.util.LinkedHashMap<>();
        handMade.put("objectId", "po_1");
        handMade.put("objectType", "payout");
        handMade.put("account", "acct_1");
        handMade.put("livemode", true);
        handMade.put("stripeEventId", "evt_9");
        handMade.put("status", "paid");
        handMade.put("amount", 100L);
        handMade.put("currency", "usd");
        handMade.put("arrivalDate", "2026-11-24T00:00:00Z");

        DomainEvent typed = DomainEvent.of(origin, Instant.EPOCH, paid);

        assertThat(typed)
                .isEqualTo(DomainEvent.of("evt_9", "acct_1", PayoutPaid.TYPE, "po_1", Instant.EPOCH, handMade));
        assertThat(json(typed))
                .isEqualTo(json(DomainEvent.of("evt_9", "acct_1", PayoutPaid.TYPE, "po_1", Instant.EPOCH, handMade)));
    }

    @Test
    void toDataIsAFreshMutableMapSoTheApplierCanExtendIt() {
        PayoutPaid paid = new PayoutPaid("paid", 100L, "usd", null);

        paid.toData().put("extra", 1);

        assertThat(paid.toData()).doesNotContainKey("extra").containsEntry("arrivalDate", null);
    }

    @Test
    void aWebhookDrivenEventHasNoSourceAttributeAtAll() {
        DomainEvent event = DomainEventExamples.of(DomainEventTypes.PAYMENT_SUCCEEDED);

        assertThat(event.paystreamsource()).isNull();
        assertThat(json(event.markedWith(EventSource.WEBHOOK)))
                .isEqualTo(SUCCEEDED)
                .doesNotContain("paystreamsource");
        assertThat(DomainEvents.read(SUCCEEDED).paystreamsource()).isNull();
    }

    @Test
    void aMarkedEventCarriesItsSourceAsAnExtensionAttributeThatMatchesTheSchemaAndReadsBack() {
        for (EventSource source :
                new EventSource[] {EventSource.RECONCILIATION, EventSource.BACKFILL, EventSource.THIN_EVENT}) {
            DomainEvent marked =
                    DomainEventExamples.of(DomainEventTypes.PAYMENT_SUCCEEDED).markedWith(source);
            String json = json(marked);

            assertThat(json).contains("\"paystreamsource\":\"" + source.headerValue() + "\"");
            assertThat(validate(json)).as(json).isEmpty();
            DomainEvent read = DomainEvents.read(json);
            assertThat(read.paystreamsource()).isEqualTo(source.headerValue());
            assertThat(json(read)).isEqualTo(json);
            assertThat(read.id())
                    .as("marking does not change the id")
                    .isEqualTo(DomainEvent.idFor("evt_1Cause", read.type()));
            assertThat(read.typedData()).isEqualTo(DomainEvents.read(SUCCEEDED).typedData());
        }
    }

    @Test
    void aSourceANewerProducerAddsIsReadAsItIsButIsNotInTheV1Schema() {
        String newer = json(DomainEventExamples.of(DomainEventTypes.PAYMENT_SUCCEEDED)
                        .markedWith(EventSource.BACKFILL))
                .replace("\"backfill\"", "\"replay\"");

        assertThat(DomainEvents.read(newer).paystreamsource()).isEqualTo("replay");
        assertThat(validate(newer)).isNotEmpty();
    }
}
