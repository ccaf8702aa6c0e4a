package io.paystream.worker.apply;

import static io.paystream.worker.apply.TestEvents.customer;
import static io.paystream.worker.apply.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.EventShape;
import io.paystream.events.StripeEventId;
import io.paystream.events.StripeEventMetadata;
import io.paystream.worker.EngineRun;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An account connected by its own API keys sends its events to its own endpoint: the body names no account, and
 * webhook-ingest puts the endpoint's account in the record's header. The state must land under that account, not under
 * the platform.
 */
class EndpointAccountTest {

    private static final long SECOND = 1_794_900_000L;

    @Test
    void anEventWithoutAccountInTheBodyTakesTheEndpointsAccountFromTheHeader() {
        try (EngineRun run = new EngineRun()) {
            byte[] body = event("evt_keys", "customer.created", SECOND, customer("cus_keys", "a@example.com"));
            run.applier.apply(metadata("evt_keys", "acct_keys"), body);

            assertThat(run.find("customers", "cus_keys").getString("account")).isEqualTo("acct_keys");
        }
    }

    @Test
    void theBodysAccountWinsAndAnEventWithNeitherBelongsToThePlatform() {
        try (EngineRun run = new EngineRun()) {
            byte[] connect = event(
                    "evt_connect",
                    "customer.created",
                    SECOND,
                    false,
                    "acct_connect",
                    customer("cus_connect", "c@example.com"));
            run.applier.apply(metadata("evt_connect", "acct_connect"), connect);
            byte[] platform = event("evt_platform", "customer.created", SECOND, customer("cus_p", "p@example.com"));
            run.applier.apply(metadata("evt_platform", null), platform);

            assertThat(run.find("customers", "cus_connect").getString("account"))
                    .isEqualTo("acct_connect");
            assertThat(run.find("customers", "cus_p").getString("account")).isEqualTo(StripeEvent.PLATFORM);
        }
    }

    private static StripeEventMetadata metadata(String eventId, String account) {
        return new StripeEventMetadata(
                new StripeEventId(eventId),
                "customer.created",
                EventShape.SNAPSHOT,
                account,
                false,
                "2026-07-29.dahlia",
                Instant.ofEpochSecond(SECOND),
                "conn_test",
                "tenant-a",
                Instant.now());
    }
}
