package io.paystream.worker.apply;

import static io.paystream.worker.apply.TestEvents.event;
import static io.paystream.worker.apply.TestEvents.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.EventShape;
import io.paystream.events.EventSource;
import io.paystream.events.StripeEventId;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.domain.DomainEvent;
import io.paystream.events.domain.DomainEventTypes;
import io.paystream.events.domain.InvoicePaid;
import io.paystream.events.fetched.FetchedObject;
import io.paystream.worker.EngineRun;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What non-webhook records announce on the feed: a fetched object seen first is stored silently, one that changes a
 * known object reports the transition, a reconciled event reports as its webhook would have; every such domain event
 * is marked with its source, webhook-driven ones are not.
 */
class HistoryIsNotNewsTest {

    private static final long SECOND = 1_794_900_000L;

    @Test
    void aFetchedObjectSeenForTheFirstTimeIsStoredWithoutADomainEvent() {
        try (EngineRun run = new EngineRun()) {
            FetchedObject oldPaidInvoice = Fetches.backfill("run_1", SECOND, invoice("in_h", "paid", 1));

            assertThat(apply(run, oldPaidInvoice)).isEqualTo(ApplyOutcome.APPLIED);

            assertThat(run.find("invoices", "in_h").getString("status")).isEqualTo("paid");
            assertThat(run.outbox()).isEmpty();
            assertThat(run.count("applied", "backfill")).isEqualTo(1);
        }
    }

    @Test
    void aFetchedObjectThatChangesAKnownObjectReportsTheTransitionMarkedWithItsSource() {
        for (EventSource source : new EventSource[] {EventSource.BACKFILL, EventSource.THIN_EVENT}) {
            try (EngineRun run = new EngineRun()) {
                run.apply(event("evt_open", "invoice.finalized", SECOND, invoice("in_h", "open", 0)));
                FetchedObject paid = Fetches.of("scope_1", SECOND + 30, null, source, invoice("in_h", "paid", 1));

                apply(run, paid);

                assertThat(run.domainEvents()).singleElement().satisfies(event -> {
                    assertThat(event.type()).isEqualTo(DomainEventTypes.INVOICE_PAID);
                    assertThat(event.paystreamsource()).isEqualTo(source.headerValue());
                    assertThat(event.id()).isEqualTo(DomainEvent.idFor(paid.id().value(), event.type()));
                    assertThat(event.stripeOrigin().orElseThrow().stripeEventId())
                            .isEqualTo(paid.id().value());
                    assertThat(event.time()).isEqualTo(Instant.ofEpochSecond(SECOND + 30));
                    assertThat(event.typedData()).isInstanceOf(InvoicePaid.class);
                });
                assertThat(run.count("applied", source.headerValue())).isEqualTo(1);
            }
        }
    }

    @Test
    void aFetchedObjectThatChangesNothingReportsNothing() {
        try (EngineRun run = new EngineRun()) {
            run.apply(event("evt_paid", "invoice.paid", SECOND, invoice("in_h", "paid", 1)));

            assertThat(apply(run, Fetches.backfill("run_1", SECOND + 30, invoice("in_h", "paid", 1))))
                    .isEqualTo(ApplyOutcome.APPLIED);

            assertThat(run.domainEvents()).singleElement().satisfies(event -> assertThat(event.paystreamsource())
                    .isNull());
        }
    }

    @Test
    void aReconciledEventReportsAsItsWebhookWouldHaveMarkedAndCountsAsRecovered() {
        byte[] paid = event("evt_missed", "invoice.paid", SECOND, invoice("in_r", "paid", 1));
        String webhookJson;
        try (EngineRun webhook = new EngineRun()) {
            webhook.apply(paid);
            webhookJson = webhook.outbox().get(0).getString("event");
            assertThat(webhook.recovered()).isZero();
        }
        try (EngineRun run = new EngineRun()) {
            ApplyResult result =
                    run.applier.apply(metadata("evt_missed", "invoice.paid"), EventSource.RECONCILIATION, paid);

            assertThat(result.outcome()).isEqualTo(ApplyOutcome.APPLIED);
            DomainEvent reconciled = run.domainEvents().get(0);
            assertThat(reconciled.paystreamsource()).isEqualTo("reconciliation");
            assertThat(run.outbox().get(0).getString("event"))
                    .as("the webhook's event plus the attribute")
                    .isEqualTo(webhookJson.substring(0, webhookJson.length() - 1)
                            + ",\"paystreamsource\":\"reconciliation\"}");
            assertThat(run.recovered()).isEqualTo(1);
            assertThat(run.count("applied", "reconciliation")).isEqualTo(1);

            // The webhook arrives after all: a duplicate, nothing more on the feed, nothing more recovered.
            assertThat(run.applier
                            .apply(metadata("evt_missed", "invoice.paid"), paid)
                            .outcome())
                    .isEqualTo(ApplyOutcome.DUPLICATE);
            assertThat(run.domainEvents()).hasSize(1);
            assertThat(run.recovered()).isEqualTo(1);
        }
    }

    @Test
    void aReconciledCopyOfAnAppliedWebhookIsADuplicateAndRecoversNothing() {
        try (EngineRun run = new EngineRun()) {
            byte[] paid = event("evt_seen", "invoice.paid", SECOND, invoice("in_d", "paid", 1));
            run.applier.apply(metadata("evt_seen", "invoice.paid"), paid);

            ApplyResult reconciled =
                    run.applier.apply(metadata("evt_seen", "invoice.paid"), EventSource.RECONCILIATION, paid);

            assertThat(reconciled.outcome()).isEqualTo(ApplyOutcome.DUPLICATE);
            assertThat(run.count("duplicate", "reconciliation")).isEqualTo(1);
            assertThat(run.recovered()).isZero();
            assertThat(run.domainEvents()).singleElement().satisfies(event -> assertThat(event.paystreamsource())
                    .isNull());
        }
    }

    @Test
    void aWebhookAfterAFetchedFirstSightReportsItsOwnTransitionUnmarked() {
        try (EngineRun run = new EngineRun()) {
            apply(run, Fetches.backfill("run_1", SECOND, invoice("in_w", "open", 0)));
            run.apply(event("evt_paid", "invoice.paid", SECOND + 60, invoice("in_w", "paid", 1)));

            assertThat(run.domainEvents()).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo(DomainEventTypes.INVOICE_PAID);
                assertThat(event.paystreamsource()).isNull();
            });
        }
    }

    /** Applies a fetched object with the headers catalog-sync gives it. */
    static ApplyOutcome apply(EngineRun run, FetchedObject fetched) {
        return run.applier
                .apply(Fetches.metadata(fetched), Fetches.source(fetched), fetched.toValue())
                .outcome();
    }

    private static StripeEventMetadata metadata(String eventId, String type) {
        return new StripeEventMetadata(
                new StripeEventId(eventId),
                type,
                EventShape.SNAPSHOT,
                null,
                false,
                "2026-07-29.dahlia",
                Instant.ofEpochSecond(SECOND),
                "we_test",
                "tenant_test",
                Instant.now());
    }
}
