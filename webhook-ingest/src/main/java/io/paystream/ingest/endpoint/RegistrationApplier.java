package io.paystream.ingest.endpoint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.events.crypto.SecretCipherException;
import io.paystream.events.endpoint.WebhookEndpointRegistration;
import io.paystream.ingest.signature.SigningSecret;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns records of the registry topic into endpoints: a registration registers or replaces one, a tombstone removes
 * it. Endpoints from configuration win over registrations with the same id. A record that cannot be used is counted
 * and logged, and the endpoint keeps its previous state: one bad record must not stop the follower or take a working
 * endpoint away.
 */
final class RegistrationApplier {

    private static final Logger log = LoggerFactory.getLogger(RegistrationApplier.class);

    private final InMemoryWebhookEndpoints endpoints;
    private final Set<String> configuredIds;
    private final SecretCipher cipher;
    private final ObjectReader reader;
    private final Map<RegistrationOutcome, Counter> counters = new EnumMap<>(RegistrationOutcome.class);
    private final Set<String> runtimeIds = ConcurrentHashMap.newKeySet();

    RegistrationApplier(
            InMemoryWebhookEndpoints endpoints, Set<String> configuredIds, SecretCipher cipher, MeterRegistry meters) {
        this.endpoints = endpoints;
        this.configuredIds = Set.copyOf(configuredIds);
        this.cipher = cipher;
        // readers ignore fields added by later producers, as the contract asks
        this.reader = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build()
                .readerFor(WebhookEndpointRegistration.class);
        for (RegistrationOutcome outcome : RegistrationOutcome.values()) {
            counters.put(
                    outcome,
                    Counter.builder("paystream.ingest.endpoint.registrations")
                            .description("Records read from the webhook endpoint registry topic, by outcome")
                            .tag("outcome", outcome.tag())
                            .register(meters));
        }
        Gauge.builder("paystream.ingest.endpoints.runtime", runtimeIds, Set::size)
                .description("Webhook endpoints currently registered at run time (not from configuration)")
                .register(meters);
    }

    /**
     * Applies one record.
     *
     * @param key the endpoint id
     * @param value the registration JSON, or {@code null} for a tombstone
     */
    RegistrationOutcome apply(@Nullable String key, byte @Nullable [] value) {
        RegistrationOutcome outcome;
        try {
            outcome = value == null ? remove(key) : register(key, value);
        } catch (RuntimeException unexpected) {
            // a bug here must cost one record, not the follower
            log.error("Webhook endpoint registration '{}' could not be applied", key, unexpected);
            outcome = RegistrationOutcome.MALFORMED;
        }
        counters.get(outcome).increment();
        return outcome;
    }

    private RegistrationOutcome remove(@Nullable String key) {
        if (key == null) {
            log.warn("Ignored a webhook endpoint tombstone without a key");
            return RegistrationOutcome.MALFORMED;
        }
        if (configuredIds.contains(key)) {
            log.warn("Ignored the removal of webhook endpoint '{}': it is defined in configuration, which wins", key);
            return RegistrationOutcome.IGNORED_CONFIGURED;
        }
        if (runtimeIds.remove(key)) {
            endpoints.remove(key);
            log.info("Removed webhook endpoint '{}'", key);
        }
        return RegistrationOutcome.REMOVED;
    }

    private RegistrationOutcome register(@Nullable String key, byte[] value) {
        WebhookEndpointRegistration registration;
        try {
            registration = reader.readValue(value);
        } catch (JacksonException e) {
            log.warn(
                    "Ignored webhook endpoint registration '{}': {}; the endpoint keeps its previous state",
                    key,
                    describe(e));
            return RegistrationOutcome.MALFORMED;
        }
        if (!registration.endpointId().equals(key)) {
            log.warn(
                    "Ignored webhook endpoint registration '{}': its endpointId is '{}'; the endpoint keeps its"
                            + " previous state",
                    key,
                    registration.endpointId());
            return RegistrationOutcome.MALFORMED;
        }
        if (configuredIds.contains(key)) {
            log.warn(
                    "Ignored webhook endpoint registration '{}' (tenant {}): an endpoint with that id is defined in"
                            + " configuration, which wins",
                    key,
                    registration.tenant());
            return RegistrationOutcome.IGNORED_CONFIGURED;
        }
        List<SigningSecret> secrets;
        try {
            secrets = registration.encryptedSecrets().stream()
                    .map(cipher::decrypt)
                    .map(SigningSecret::new)
                    .toList();
        } catch (SecretCipherException e) {
            log.warn(
                    "Ignored webhook endpoint registration '{}' (tenant {}): a signing secret could not be decrypted"
                            + " ({}); the endpoint keeps its previous state",
                    key,
                    registration.tenant(),
                    e.getMessage());
            return RegistrationOutcome.UNDECRYPTABLE;
        } catch (IllegalArgumentException blankSecret) {
            log.warn(
                    "Ignored webhook endpoint registration '{}' (tenant {}): a decrypted signing secret is blank",
                    key,
                    registration.tenant());
            return RegistrationOutcome.MALFORMED;
        }
        WebhookEndpoint endpoint = new WebhookEndpoint(
                key,
                registration.tenant(),
                secrets,
                LivemodePolicy.valueOf(registration.livemode().toUpperCase(Locale.ROOT)),
                registration.account());
        endpoints.register(endpoint);
        runtimeIds.add(key);
        if (!endpoint.hasSecrets()) {
            log.warn("Webhook endpoint '{}' was registered without a signing secret and refuses every request", key);
        }
        log.info("Registered {}", endpoint);
        return RegistrationOutcome.REGISTERED;
    }

    /**
     * Jackson's messages can quote the offending value, which may be a secret in a broken record: say where it broke,
     * or the registration's own validation message, never the value.
     */
    private static String describe(JacksonException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
            return "invalid registration (" + cause.getMessage() + ")";
        }
        if (e instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "unreadable field " + databind.getPathReference();
        }
        return "not a registration JSON document (" + e.getClass().getSimpleName() + ")";
    }

    int runtimeEndpoints() {
        return runtimeIds.size();
    }
}
