package io.paystream.catalog.connection.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionKind;
import io.paystream.catalog.connection.ConnectionStatus;
import io.paystream.catalog.connection.Mode;
import io.paystream.events.Topics;
import io.paystream.events.domain.DomainEventTypes;
import io.paystream.events.endpoint.WebhookEndpointRegistration;
import io.paystream.support.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records connections announce, without Kafka or MongoDB. The expected status events are the bytes the hand-made
 * data maps produced before the event became shared-events' {@code ConnectionStatusChanged} record: consumers must
 * not see the change.
 */
class ConnectionEventsTest {

    private static final Instant TIME = Instant.parse("2026-12-07T10:15:30.123456Z");
    private static final Instant CREATED = Instant.parse("2026-12-01T08:00:00Z");

    private final ConnectionEvents events = new ConnectionEvents();

    @Test
    void anApiCausedStatusChangeIsTheCloudEventConsumersAlreadyRead() {
        OutboxEntry entry = events.statusChanged(restricted(), null, null, TIME);

        assertThat(entry.value())
                .isEqualTo("{\"specversion\":\"1.0\",\"id\":\"66ebeaa1-697e-3e45-927c-f7fe7e7964ba\","
                        + "\"source\":\"/paystream/catalog-sync/acct_1Restricted\","
                        + "\"type\":\"io.paystream.connection.status_changed\","
                        + "\"subject\":\"conn_0123456789abcdefABCDEFgh\",\"time\":\"2026-12-07T10:15:30.123456Z\","
                        + "\"datacontenttype\":\"application/json\","
                        + "\"dataschema\":\"https://paystream.io/schemas/payments-event.v1.schema.json\","
                        + "\"data\":{\"connectionId\":\"conn_0123456789abcdefABCDEFgh\",\"tenant\":\"harbor\","
                        + "\"kind\":\"connect\",\"account\":\"acct_1Restricted\",\"livemode\":false,"
                        + "\"previousStatus\":null,\"status\":\"restricted\",\"missing\":[\"Bank account\",\"Tax ID\"],"
                        + "\"disabledReason\":null,\"stripeEventId\":null}}");
        assertThat(entry.id()).isEqualTo("66ebeaa1-697e-3e45-927c-f7fe7e7964ba");
        assertThat(entry.cloudEventType()).isEqualTo(DomainEventTypes.CONNECTION_STATUS_CHANGED);
        assertThat(entry.topic()).isEqualTo(Topics.PAYMENTS_EVENTS);
        assertThat(entry.key()).isEqualTo("conn_0123456789abcdefABCDEFgh");
        assertThat(entry.at()).isEqualTo(Instant.parse("2026-12-07T10:15:30.123Z"));
    }

    @Test
    void anEventCausedStatusChangeNamesTheStripeEventAndTakesItsIdFromIt() {
        OutboxEntry entry = events.statusChanged(disabled(), ConnectionStatus.PENDING, "evt_1NvQ2b", TIME);

        assertThat(entry.value())
                .isEqualTo("{\"specversion\":\"1.0\",\"id\":\"82d800bd-c20e-3c3d-8b9e-0bd35dc7ff19\","
                        + "\"source\":\"/paystream/catalog-sync/acct_1Disabled\","
                        + "\"type\":\"io.paystream.connection.status_changed\","
                        + "\"subject\":\"conn_ZYXWVUTSRQPONMLKJIHGFEDC\",\"time\":\"2026-12-07T10:15:30.123456Z\","
                        + "\"datacontenttype\":\"application/json\","
                        + "\"dataschema\":\"https://paystream.io/schemas/payments-event.v1.schema.json\","
                        + "\"data\":{\"connectionId\":\"conn_ZYXWVUTSRQPONMLKJIHGFEDC\",\"tenant\":\"acme\","
                        + "\"kind\":\"keys\",\"account\":\"acct_1Disabled\",\"livemode\":true,"
                        + "\"previousStatus\":\"pending\",\"status\":\"disabled\",\"missing\":[],"
                        + "\"disabledReason\":\"Stripe rejected the account because of suspected fraud\","
                        + "\"stripeEventId\":\"evt_1NvQ2b\"}}");
        assertThat(events.statusChanged(disabled(), ConnectionStatus.PENDING, "evt_1NvQ2b", TIME.plusSeconds(9))
                        .id())
                .as("the same change published again keeps its id")
                .isEqualTo(entry.id());
    }

    @Test
    void aRegistrationCarriesTheEncryptedSigningSecretAndNoCloudEventType() {
        OutboxEntry entry = events.registration(disabled(), TIME);

        WebhookEndpointRegistration registration =
                JsonMapper.builder().build().readValue(entry.value(), WebhookEndpointRegistration.class);
        assertThat(registration.endpointId()).isEqualTo("conn_ZYXWVUTSRQPONMLKJIHGFEDC");
        assertThat(registration.encryptedSecrets()).containsExactly("v1.k1.b");
        assertThat(entry.topic()).isEqualTo(Topics.WEBHOOK_ENDPOINTS);
        assertThat(entry.key()).isEqualTo("conn_ZYXWVUTSRQPONMLKJIHGFEDC");
        assertThat(entry.isCloudEvent()).isFalse();
        assertThat(events.tombstone("conn_ZYXWVUTSRQPONMLKJIHGFEDC", TIME).isTombstone())
                .isTrue();
    }

    private static Connection restricted() {
        return new Connection(
                "conn_0123456789abcdefABCDEFgh",
                "harbor",
                ConnectionKind.CONNECT,
                Mode.TEST,
                "gbp",
                true,
                "acct_1Restricted",
                "GB",
                new Connection.State(
                        ConnectionStatus.RESTRICTED,
                        List.of("Bank account", "Tax ID"),
                        List.of("external_account", "company.tax_id"),
                        null,
                        null,
                        CREATED,
                        "evt_1NvQ2b"),
                null,
                null,
                null,
                null,
                new Connection.OnboardingUrls("https://platform.example/return", "https://platform.example/refresh"),
                CREATED,
                CREATED,
                null,
                null,
                3);
    }

    private static Connection disabled() {
        return new Connection(
                "conn_ZYXWVUTSRQPONMLKJIHGFEDC",
                "acme",
                ConnectionKind.KEYS,
                Mode.LIVE,
                "usd",
                false,
                "acct_1Disabled",
                "US",
                new Connection.State(
                        ConnectionStatus.DISABLED,
                        List.of(),
                        List.of(),
                        "Stripe rejected the account because of suspected fraud",
                        "rejected.fraud",
                        null,
                        null),
                "pk_live_...wxyz",
                "sk_live_...abcd",
                "we_1",
                new Connection.Secrets("v1.k1.a", "v1.k1.b", "k1"),
                null,
                CREATED,
                CREATED,
                null,
                null,
                7);
    }
}
