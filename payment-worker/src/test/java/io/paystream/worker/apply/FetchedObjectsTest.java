package io.paystream.worker.apply;

import static io.paystream.worker.apply.HistoryIsNotNewsTest.apply;
import static io.paystream.worker.apply.TestEvents.customer;
import static io.paystream.worker.apply.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.events.EventSource;
import io.paystream.events.domain.AccountOnboardingUpdated;
import io.paystream.events.fetched.FetchedObject;
import io.paystream.worker.EngineRun;
import java.nio.charset.StandardCharsets;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Fetched objects of every kind the worker keeps, of kinds it does not, and records whose source contradicts them. */
class FetchedObjectsTest {

    private static final long SECOND = 1_794_900_000L;

    @Test
    void aFetchedBalanceIsTheAccountsBalanceInItsModeAndAnOlderEventIsStaleAgainstIt() {
        try (EngineRun run = new EngineRun()) {
            FetchedObject connected = Fetches.of("run_1", SECOND, "acct_b", EventSource.BACKFILL, balance(700));
            FetchedObject platform = Fetches.of("run_1", SECOND, null, EventSource.BACKFILL, balance(900));
            assertThat(connected.key()).isEqualTo("balance:acct_b");

            apply(run, connected);
            apply(run, platform);
            ApplyOutcome older =
                    run.apply(event("evt_b", "balance.available", SECOND - 1, false, "acct_b", balance(100)));

            assertThat(older).isEqualTo(ApplyOutcome.STALE);
            assertThat(usd(run.find("balances", "acct_b:false"))).isEqualTo(700L);
            assertThat(usd(run.find("balances", "platform:false"))).isEqualTo(900L);
        }
    }

    @Test
    void aFetchedAccountIsStoredSilentlyThenALaterFetchThatChangesOnboardingIsReported() {
        try (EngineRun run = new EngineRun()) {
            apply(run, Fetches.of("run_1", SECOND, "acct_o", EventSource.BACKFILL, account(false)));
            assertThat(run.outbox()).isEmpty();

            FetchedObject enabled =
                    Fetches.of("evt_thin_1", SECOND + 5, "acct_o", EventSource.THIN_EVENT, account(true));
            apply(run, enabled);

            Document stored = run.find("accounts", "acct_o");
            assertThat(stored.getBoolean("chargesEnabled")).isTrue();
            assertThat(stored.getString("account")).isEqualTo("acct_o");
            assertThat(run.domainEvents()).singleElement().satisfies(event -> {
                assertThat(event.paystreamsource()).isEqualTo("thin_event");
                assertThat(event.typedData())
                        .isInstanceOfSatisfying(
                                AccountOnboardingUpdated.class,
                                updated -> assertThat(updated.chargesEnabled()).isTrue());
            });
        }
    }

    @Test
    void aFetchedTypeTheWorkerDoesNotKeepIsIgnoredNotFailed() {
        try (EngineRun run = new EngineRun()) {
            FetchedObject product = Fetches.backfill("run_1", SECOND, "{\"id\":\"prod_1\",\"object\":\"product\"}");

            assertThat(apply(run, product)).isEqualTo(ApplyOutcome.IGNORED);
            assertThat(run.count("ignored", "backfill")).isEqualTo(1);
            assertThat(run.state()).isEmpty();
        }
    }

    @Test
    void aFetchedDeletedStubIsATombstone() {
        try (EngineRun run = new EngineRun()) {
            run.apply(event("evt_c", "customer.created", SECOND, customer("cus_gone", "ada@example.com")));

            apply(
                    run,
                    Fetches.of(
                            "evt_thin_2",
                            SECOND + 5,
                            null,
                            EventSource.THIN_EVENT,
                            "{\"id\":\"cus_gone\",\"object\":\"customer\",\"deleted\":true}"));

            Document customer = run.find("customers", "cus_gone");
            assertThat(customer.getBoolean("deleted")).isTrue();
            assertThat(customer.getString("email")).isEqualTo("ada@example.com");
        }
    }

    @Test
    void aFetchedObjectWithoutSourceHeaderTakesTheSourceItsValueNames() {
        try (EngineRun run = new EngineRun()) {
            FetchedObject fetched =
                    Fetches.of("evt_thin_3", SECOND, null, EventSource.THIN_EVENT, customer("cus_s", "a@b.c"));

            assertThat(run.applier.apply(null, fetched.toValue()).outcome()).isEqualTo(ApplyOutcome.APPLIED);
            assertThat(run.count("applied", "thin_event")).isEqualTo(1);
        }
    }

    @Test
    void aRecordWhoseShapeContradictsItsSourceIsPoison() {
        try (EngineRun run = new EngineRun()) {
            FetchedObject fetched = Fetches.backfill("run_1", SECOND, customer("cus_p", "a@b.c"));
            assertThatThrownBy(() ->
                            run.applier.apply(Fetches.metadata(fetched), EventSource.RECONCILIATION, fetched.toValue()))
                    .isInstanceOf(PoisonEventException.class)
                    .hasMessageContaining(fetched.id().value());
            String noSource =
                    new String(fetched.toValue(), StandardCharsets.UTF_8).replace("\"source\":\"backfill\",", "");
            assertThatThrownBy(() -> run.applier.apply(null, noSource.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(PoisonEventException.class);

            byte[] event = event("evt_p", "customer.updated", SECOND, customer("cus_p", "a@b.c"));
            assertThatThrownBy(() -> run.applier.apply(null, EventSource.BACKFILL, event))
                    .isInstanceOf(PoisonEventException.class)
                    .hasMessageContaining("evt_p");
            assertThat(run.state()).isEmpty();
        }
    }

    private static String balance(long usd) {
        return "{\"object\":\"balance\",\"livemode\":false,\"available\":[{\"amount\":" + usd
                + ",\"currency\":\"usd\"}],\"pending\":[{\"amount\":0,\"currency\":\"usd\"}]}";
    }

    private static long usd(Document balance) {
        return balance.get("available", Document.class).getLong("usd");
    }

    private static String account(boolean enabled) {
        return "{\"id\":\"acct_o\",\"object\":\"account\",\"type\":\"express\",\"country\":\"DE\","
                + "\"details_submitted\":true,\"charges_enabled\":" + enabled + ",\"payouts_enabled\":" + enabled
                + ",\"requirements\":{\"currently_due\":" + (enabled ? "[]" : "[\"external_account\"]")
                + ",\"past_due\":[],\"eventually_due\":[],\"disabled_reason\":null}}";
    }
}
