package io.paystream.catalog.connection;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One customer's Stripe connection as stored (collection {@code connections}, see the {@code store} sub-package).
 * Secrets are held only as {@link io.paystream.events.crypto.SecretCipher} envelopes; {@link #toString()} leaves them
 * out.
 *
 * @param currency null only for a Connect account whose request and account name none
 * @param publishableKeyMasked the pasted keys, masked; null for Connect connections
 * @param webhookEndpointId the endpoint registered on a key connection's account; null for Connect connections
 * @param secrets null for Connect connections (the platform key reaches them) and once disconnected
 * @param onboarding the return and refresh URLs of Connect onboarding, null for key connections
 * @param endpointCheck the last check of a key connection's webhook endpoint at Stripe; null until checked
 * @param version incremented by every write; the condition of every update
 */
public record Connection(
        String id,
        String tenant,
        ConnectionKind kind,
        Mode mode,
        @Nullable String currency,
        boolean enabled,
        String accountId,
        @Nullable String country,
        State state,
        @Nullable String publishableKeyMasked,
        @Nullable String secretKeyMasked,
        @Nullable String webhookEndpointId,
        @Nullable Secrets secrets,
        @Nullable OnboardingUrls onboarding,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant disconnectedAt,
        @Nullable EndpointCheck endpointCheck,
        long version) {

    /**
     * What the periodic check found about the webhook endpoint at Stripe.
     *
     * @param problem {@code disabled}, {@code deleted} or {@code wrong_events}; null when the endpoint was as created
     * @param repair what was done about it: {@code re_enabled}, {@code re_created}, {@code events_fixed}, or null
     *     (nothing to do, or the repair failed: the next check tries again)
     */
    public record EndpointCheck(
            @Nullable String problem, @Nullable String repair, Instant checkedAt) {}

    /**
     * The status and what explains it.
     *
     * @param lastEventCreated the {@code created} of the newest {@code account.updated} applied; older ones are ignored
     * @param lastEventId that event's id, the tie-break within one second
     */
    public record State(
            ConnectionStatus status,
            List<String> missing,
            List<String> dueRequirements,
            @Nullable String disabledReason,
            @Nullable String disabledReasonCode,
            @Nullable Instant lastEventCreated,
            @Nullable String lastEventId) {

        public State {
            missing = List.copyOf(missing);
            dueRequirements = List.copyOf(dueRequirements);
        }

        public static State of(
                AccountStatusRules.Assessment assessment, @Nullable Instant eventCreated, @Nullable String eventId) {
            return new State(
                    assessment.status(),
                    assessment.missing(),
                    assessment.dueRequirements(),
                    assessment.disabledReason(),
                    assessment.disabledReasonCode(),
                    eventCreated,
                    eventId);
        }

        /** Whether an {@code account.updated} created at {@code created} with this id is newer than the last applied. */
        public boolean isOlderThan(Instant created, String eventId) {
            if (lastEventCreated == null || lastEventId == null) {
                return true;
            }
            int byTime = created.compareTo(lastEventCreated);
            return byTime > 0 || (byTime == 0 && eventId.compareTo(lastEventId) > 0);
        }
    }

    /** SecretCipher envelopes, both written with the key {@code cipherKeyId}. */
    public record Secrets(String secretKeyEnvelope, String webhookSecretEnvelope, String cipherKeyId) {
        @Override
        public String toString() {
            return "Secrets[" + cipherKeyId + "]";
        }
    }

    public record OnboardingUrls(String returnUrl, String refreshUrl) {}

    public ConnectionStatus status() {
        return state.status();
    }

    public boolean disconnected() {
        return status() == ConnectionStatus.DISCONNECTED;
    }

    public Connection withState(State newState, Instant now) {
        return next(enabled, newState, secrets, disconnectedAt, now);
    }

    public Connection withEnabled(boolean newEnabled, Instant now) {
        return next(newEnabled, state, secrets, disconnectedAt, now);
    }

    public Connection withSecrets(Secrets newSecrets, Instant now) {
        return next(enabled, state, newSecrets, disconnectedAt, now);
    }

    /** The check's finding, nothing else changed. */
    public Connection withEndpointCheck(EndpointCheck check, Instant now) {
        return next(enabled, state, webhookEndpointId, secrets, disconnectedAt, check, now);
    }

    /** A re-created webhook endpoint: its id and (in {@code newSecrets}) its new signing secret. */
    public Connection withWebhookEndpoint(String endpointId, Secrets newSecrets, EndpointCheck check, Instant now) {
        return next(enabled, state, endpointId, newSecrets, disconnectedAt, check, now);
    }

    /** Final: disabled, secrets gone, no longer tracked; everything else kept as history. */
    public Connection disconnect(Instant now) {
        State disconnected = new State(
                ConnectionStatus.DISCONNECTED,
                List.of(),
                List.of(),
                null,
                null,
                state.lastEventCreated(),
                state.lastEventId());
        return next(false, disconnected, null, now, now);
    }

    private Connection next(
            boolean newEnabled,
            State newState,
            @Nullable Secrets newSecrets,
            @Nullable Instant newDisconnectedAt,
            Instant now) {
        return next(newEnabled, newState, webhookEndpointId, newSecrets, newDisconnectedAt, endpointCheck, now);
    }

    /** The next version: what changes is given, everything else is kept. */
    private Connection next(
            boolean newEnabled,
            State newState,
            @Nullable String newWebhookEndpointId,
            @Nullable Secrets newSecrets,
            @Nullable Instant newDisconnectedAt,
            @Nullable EndpointCheck newEndpointCheck,
            Instant now) {
        return new Connection(
                id,
                tenant,
                kind,
                mode,
                currency,
                newEnabled,
                accountId,
                country,
                newState,
                publishableKeyMasked,
                secretKeyMasked,
                newWebhookEndpointId,
                newSecrets,
                onboarding,
                createdAt,
                now,
                newDisconnectedAt,
                newEndpointCheck,
                version + 1);
    }

    @Override
    public String toString() {
        return "Connection[" + id + ", " + kind.value() + ", " + accountId + ":" + mode.value() + ", "
                + status().value() + ", v" + version + "]";
    }
}
