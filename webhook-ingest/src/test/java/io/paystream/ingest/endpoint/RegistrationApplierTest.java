package io.paystream.ingest.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.events.endpoint.WebhookEndpointRegistration;
import io.paystream.ingest.signature.SignatureVerdict;
import io.paystream.ingest.signature.SigningSecret;
import io.paystream.ingest.signature.StripeSignatureVerifier;
import io.paystream.testsupport.StripeWebhookSigner;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class RegistrationApplierTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

    private final SecretCipher cipher = new SecretCipher("k1", Map.of("k1", key()));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints(List.of(new WebhookEndpoint(
            "configured", "config-tenant", List.of(new SigningSecret("whsec_configured")), LivemodePolicy.BOTH)));
    private final RegistrationApplier applier =
            new RegistrationApplier(endpoints, Set.of("configured"), cipher, meters);

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private byte[] registration(String id, String livemode, String... secrets) {
        return JSON.writeValueAsBytes(new WebhookEndpointRegistration(
                id,
                "acme",
                "acct_1Acme",
                livemode,
                List.of(secrets).stream().map(cipher::encrypt).toList(),
                Instant.now()));
    }

    private double count(String outcome) {
        return meters.get("paystream.ingest.endpoint.registrations")
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    private static boolean accepts(WebhookEndpoint endpoint, String secret) {
        Instant now = Instant.now();
        return new StripeSignatureVerifier(Duration.ofMinutes(5))
                        .verify(StripeWebhookSigner.header(BODY, secret, now), BODY, endpoint.secrets(), now)
                == SignatureVerdict.VALID;
    }

    @Test
    void aRegistrationBecomesAnEndpointWithDecryptedSecretsAndItsAccount() {
        assertThat(applier.apply("conn_1", registration("conn_1", "live", "whsec_a", "whsec_b")))
                .isEqualTo(RegistrationOutcome.REGISTERED);

        WebhookEndpoint endpoint = endpoints.find("conn_1").orElseThrow();
        assertThat(endpoint.tenant()).isEqualTo("acme");
        assertThat(endpoint.account()).isEqualTo("acct_1Acme");
        assertThat(endpoint.livemode()).isEqualTo(LivemodePolicy.LIVE);
        assertThat(accepts(endpoint, "whsec_a")).isTrue();
        assertThat(accepts(endpoint, "whsec_b")).isTrue();
        assertThat(accepts(endpoint, "whsec_other")).isFalse();
        assertThat(count("registered")).isEqualTo(1);
        assertThat(meters.get("paystream.ingest.endpoints.runtime").gauge().value())
                .isEqualTo(1);
    }

    @Test
    void aLaterRegistrationReplacesTheEndpointAndATombstoneRemovesIt() {
        applier.apply("conn_1", registration("conn_1", "both", "whsec_old"));
        applier.apply("conn_1", registration("conn_1", "test", "whsec_new"));

        WebhookEndpoint replaced = endpoints.find("conn_1").orElseThrow();
        assertThat(replaced.livemode()).isEqualTo(LivemodePolicy.TEST);
        assertThat(accepts(replaced, "whsec_old")).isFalse();
        assertThat(accepts(replaced, "whsec_new")).isTrue();

        assertThat(applier.apply("conn_1", null)).isEqualTo(RegistrationOutcome.REMOVED);
        assertThat(endpoints.find("conn_1")).isEmpty();
        assertThat(applier.apply("conn_1", null)).as("a repeated tombstone").isEqualTo(RegistrationOutcome.REMOVED);
        assertThat(applier.runtimeEndpoints()).isZero();
    }

    @Test
    void configuredEndpointsWinOverRegistrationsAndTombstones(CapturedOutput output) {
        assertThat(applier.apply("configured", registration("configured", "both", "whsec_takeover")))
                .isEqualTo(RegistrationOutcome.IGNORED_CONFIGURED);
        assertThat(applier.apply("configured", null)).isEqualTo(RegistrationOutcome.IGNORED_CONFIGURED);

        WebhookEndpoint configured = endpoints.find("configured").orElseThrow();
        assertThat(configured.tenant()).isEqualTo("config-tenant");
        assertThat(accepts(configured, "whsec_configured")).isTrue();
        assertThat(accepts(configured, "whsec_takeover")).isFalse();
        assertThat(count("ignored_configured")).isEqualTo(2);
        assertThat(output).contains("defined in configuration, which wins");
    }

    @Test
    void anUndecryptableRegistrationIsCountedAndTheEndpointKeepsItsPreviousSecrets(CapturedOutput output) {
        applier.apply("conn_1", registration("conn_1", "both", "whsec_good"));
        SecretCipher otherKey = new SecretCipher("k9", Map.of("k9", key()));
        byte[] foreign = JSON.writeValueAsBytes(new WebhookEndpointRegistration(
                "conn_1", "acme", "acct_1Acme", "both", List.of(otherKey.encrypt("whsec_foreign")), Instant.now()));

        assertThat(applier.apply("conn_1", foreign)).isEqualTo(RegistrationOutcome.UNDECRYPTABLE);
        assertThat(accepts(endpoints.find("conn_1").orElseThrow(), "whsec_good"))
                .isTrue();
        assertThat(count("undecryptable")).isEqualTo(1);
        assertThat(output).contains("'k9'").doesNotContain("whsec_foreign");
    }

    @Test
    void malformedRecordsAreCountedWithoutQuotingTheirContent(CapturedOutput output) {
        String plaintextSecret = "whsec_leaked_in_a_broken_record";
        List<byte[]> malformed = List.of(
                "not json".getBytes(StandardCharsets.UTF_8),
                "{\"endpointId\":\"conn_2\"}".getBytes(StandardCharsets.UTF_8),
                ("{\"endpointId\":\"conn_2\",\"tenant\":\"t\",\"account\":\"acct_1\",\"livemode\":\"both\","
                                + "\"registeredAt\":\"2026-11-22T10:00:00Z\",\"encryptedSecrets\":{\"x\":\""
                                + plaintextSecret + "\"}}")
                        .getBytes(StandardCharsets.UTF_8),
                registration("conn_other", "both", "whsec_x"));

        for (byte[] value : malformed) {
            assertThat(applier.apply("conn_2", value)).isEqualTo(RegistrationOutcome.MALFORMED);
        }
        assertThat(applier.apply(null, null)).isEqualTo(RegistrationOutcome.MALFORMED);

        assertThat(endpoints.find("conn_2")).isEmpty();
        assertThat(endpoints.find("conn_other"))
                .as("registered under its key only")
                .isEmpty();
        assertThat(count("malformed")).isEqualTo(5);
        assertThat(output).doesNotContain(plaintextSecret).contains("tenant must not be blank");
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String value = new String(registration("conn_3", "both", "whsec_c"), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedLater\":{\"x\":1},");

        assertThat(applier.apply("conn_3", value.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(RegistrationOutcome.REGISTERED);
    }
}
