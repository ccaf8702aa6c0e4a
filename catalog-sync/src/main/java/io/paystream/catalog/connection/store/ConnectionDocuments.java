package io.paystream.catalog.connection.store;

import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionKind;
import io.paystream.catalog.connection.ConnectionStatus;
import io.paystream.catalog.connection.Mode;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Maps {@link Connection} to and from its MongoDB document: one flat document, so status, tenant and key id can be
 * filtered and indexed. Null fields are left out on insert and unset on update. The outbox entries the document carries
 * are service-support's {@link io.paystream.support.outbox.OutboxDocuments}.
 */
final class ConnectionDocuments {

    private ConnectionDocuments() {}

    static String liveAccount(String accountId, Mode mode) {
        return accountId + ':' + mode.value();
    }

    static Document toDocument(Connection c) {
        Connection.State state = c.state();
        Connection.Secrets secrets = c.secrets();
        Connection.OnboardingUrls onboarding = c.onboarding();
        return new Document("_id", c.id())
                .append("tenant", c.tenant())
                .append("kind", c.kind().value())
                .append("mode", c.mode().value())
                .append("currency", c.currency())
                .append("enabled", c.enabled())
                .append("accountId", c.accountId())
                .append("country", c.country())
                .append("status", state.status().value())
                .append("missing", state.missing())
                .append("dueRequirements", state.dueRequirements())
                .append("disabledReason", state.disabledReason())
                .append("disabledReasonCode", state.disabledReasonCode())
                .append("lastAccountEventCreated", date(state.lastEventCreated()))
                .append("lastAccountEventId", state.lastEventId())
                .append("publishableKeyMasked", c.publishableKeyMasked())
                .append("secretKeyMasked", c.secretKeyMasked())
                .append("webhookEndpointId", c.webhookEndpointId())
                .append("secretKeyEnvelope", secrets == null ? null : secrets.secretKeyEnvelope())
                .append("webhookSecretEnvelope", secrets == null ? null : secrets.webhookSecretEnvelope())
                .append("cipherKeyId", secrets == null ? null : secrets.cipherKeyId())
                .append("onboardingReturnUrl", onboarding == null ? null : onboarding.returnUrl())
                .append("onboardingRefreshUrl", onboarding == null ? null : onboarding.refreshUrl())
                .append("createdAt", date(c.createdAt()))
                .append("updatedAt", date(c.updatedAt()))
                .append("disconnectedAt", date(c.disconnectedAt()))
                .append(
                        "endpointProblem",
                        c.endpointCheck() == null ? null : c.endpointCheck().problem())
                .append(
                        "endpointRepair",
                        c.endpointCheck() == null ? null : c.endpointCheck().repair())
                .append(
                        "endpointCheckedAt",
                        c.endpointCheck() == null
                                ? null
                                : date(c.endpointCheck().checkedAt()))
                .append(ConnectionStore.LIVE_ACCOUNT, c.disconnected() ? null : liveAccount(c.accountId(), c.mode()))
                .append("version", c.version());
    }

    static Connection toConnection(Document d) {
        Connection.State state = new Connection.State(
                ConnectionStatus.of(d.getString("status")),
                d.getList("missing", String.class, List.of()),
                d.getList("dueRequirements", String.class, List.of()),
                d.getString("disabledReason"),
                d.getString("disabledReasonCode"),
                instant(d.getDate("lastAccountEventCreated")),
                d.getString("lastAccountEventId"));
        Connection.Secrets secrets = d.getString("cipherKeyId") == null
                ? null
                : new Connection.Secrets(
                        d.getString("secretKeyEnvelope"),
                        d.getString("webhookSecretEnvelope"),
                        d.getString("cipherKeyId"));
        Connection.OnboardingUrls onboarding = d.getString("onboardingReturnUrl") == null
                ? null
                : new Connection.OnboardingUrls(
                        d.getString("onboardingReturnUrl"), d.getString("onboardingRefreshUrl"));
        return new Connection(
                d.getString("_id"),
                d.getString("tenant"),
                ConnectionKind.of(d.getString("kind")),
                Mode.of(d.getString("mode")),
                d.getString("currency"),
                d.getBoolean("enabled", false),
                d.getString("accountId"),
                d.getString("country"),
                state,
                d.getString("publishableKeyMasked"),
                d.getString("secretKeyMasked"),
                d.getString("webhookEndpointId"),
                secrets,
                onboarding,
                d.getDate("createdAt").toInstant(),
                d.getDate("updatedAt").toInstant(),
                instant(d.getDate("disconnectedAt")),
                d.getDate("endpointCheckedAt") == null
                        ? null
                        : new Connection.EndpointCheck(
                                d.getString("endpointProblem"),
                                d.getString("endpointRepair"),
                                d.getDate("endpointCheckedAt").toInstant()),
                d.get("version", Number.class).longValue());
    }

    private static @Nullable Date date(@Nullable Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }
}
