package io.paystream.ingest.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.ingest.TestEvents;
import io.paystream.testsupport.StripeWebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the hand-written verifier against headers produced by stripe-java's own generator. */
class StripeSignatureVerifierTest {

    private static final String CURRENT = "whsec_current_0123456789abcdef";
    private static final String PREVIOUS = "whsec_previous_fedcba9876543210";
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private final StripeSignatureVerifier verifier = new StripeSignatureVerifier(Duration.ofSeconds(300));
    private final List<SigningSecret> secrets = List.of(new SigningSecret(CURRENT), new SigningSecret(PREVIOUS));
    private final byte[] body = TestEvents.snapshot("evt_1", "pi_1");

    private SignatureVerdict verify(String header) {
        return verifier.verify(header, body, secrets, NOW);
    }

    @Test
    void acceptsStripeJavasHeader() {
        assertThat(verify(StripeWebhookSigner.header(body, CURRENT, NOW))).isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void acceptsASignatureMadeWithAnyConfiguredSecret() {
        assertThat(verify(StripeWebhookSigner.header(body, PREVIOUS, NOW))).isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void acceptsAnyValidV1AmongSeveral() {
        String rolling = StripeWebhookSigner.headerForSecrets(body, NOW, "whsec_unknown", CURRENT);
        assertThat(rolling.split("v1=")).hasSize(3);
        assertThat(verify(rolling)).isEqualTo(SignatureVerdict.VALID);
        String reversed = StripeWebhookSigner.headerForSecrets(body, NOW, PREVIOUS, "whsec_unknown");
        assertThat(verify(reversed)).isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() {
        assertThat(verify(StripeWebhookSigner.header(body, "whsec_attacker", NOW)))
                .isEqualTo(SignatureVerdict.MISMATCH);
    }

    @Test
    void verifiesTheExactBytes() {
        String header = StripeWebhookSigner.header(body, CURRENT, NOW);
        byte[] tampered = body.clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(verifier.verify(header, tampered, secrets, NOW)).isEqualTo(SignatureVerdict.MISMATCH);
        byte[] reserialised = new String(body, StandardCharsets.UTF_8)
                .replace("\n", "")
                .replace("  ", "")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(header, reserialised, secrets, NOW)).isEqualTo(SignatureVerdict.MISMATCH);
    }

    @Test
    void verifiesBodiesThatAreNotValidUtf8AsBytes() {
        byte[] binary = {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}'};
        String header = "t=" + NOW.getEpochSecond() + ",v1=" + hex(new SigningSecret(CURRENT).sign(ascii(NOW), binary));
        assertThat(verifier.verify(header, binary, secrets, NOW)).isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void ignoresV0AndUnknownSchemes() {
        String valid = StripeWebhookSigner.header(body, CURRENT, NOW);
        String v1 = valid.substring(valid.indexOf("v1=") + 3);
        assertThat(verify("t=" + NOW.getEpochSecond() + ",v0=" + v1)).isEqualTo(SignatureVerdict.NO_V1_SIGNATURE);
        assertThat(verify("t=" + NOW.getEpochSecond() + ",v2=" + v1 + ",s1=" + v1))
                .isEqualTo(SignatureVerdict.NO_V1_SIGNATURE);
        assertThat(verify(valid + ",v0=" + v1 + ",x9=whatever")).isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void refusesTimestampsOutsideTheToleranceInBothDirections() {
        assertThat(verify(StripeWebhookSigner.header(body, CURRENT, NOW.minusSeconds(301))))
                .isEqualTo(SignatureVerdict.OUTSIDE_TOLERANCE);
        assertThat(verify(StripeWebhookSigner.header(body, CURRENT, NOW.plusSeconds(301))))
                .isEqualTo(SignatureVerdict.OUTSIDE_TOLERANCE);
        assertThat(verify(StripeWebhookSigner.header(body, CURRENT, NOW.minusSeconds(300))))
                .isEqualTo(SignatureVerdict.VALID);
        assertThat(verify(StripeWebhookSigner.header(body, CURRENT, NOW.plusSeconds(300))))
                .isEqualTo(SignatureVerdict.VALID);
        assertThat(verify(StripeWebhookSigner.header(body, CURRENT, Instant.EPOCH)))
                .isEqualTo(SignatureVerdict.OUTSIDE_TOLERANCE);
    }

    @Test
    void aForgedStaleHeaderIsABadSignatureNotAStaleOne() {
        assertThat(verify(StripeWebhookSigner.header(body, "whsec_attacker", NOW.minusSeconds(3600))))
                .isEqualTo(SignatureVerdict.MISMATCH);
    }

    @Test
    void reportsAMissingHeader() {
        assertThat(verify(null)).isEqualTo(SignatureVerdict.MISSING_HEADER);
        assertThat(verify("")).isEqualTo(SignatureVerdict.MISSING_HEADER);
        assertThat(verify("   ")).isEqualTo(SignatureVerdict.MISSING_HEADER);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "t=abc,v1=00",
                "v1=0000000000000000000000000000000000000000000000000000000000000000",
                "t=,v1=00",
                "t=-1,v1=00",
                "t=1.5,v1=00",
                "t=1e9,v1=00",
                "t=99999999999999999999999,v1=00",
                "t=1763812800,t=1763812800,v1=00",
                "garbage",
                "=,=,=",
                "t",
                "t=１２３,v1=00",
                ",,,"
            })
    void reportsMalformedHeadersInsteadOfThrowing(String header) {
        assertThat(verify(header)).isEqualTo(SignatureVerdict.MALFORMED_HEADER);
    }

    @Test
    void toleratesSpacesAroundItemsAndUppercaseHex() {
        String valid = StripeWebhookSigner.header(body, CURRENT, NOW);
        String v1 = valid.substring(valid.indexOf("v1=") + 3);
        assertThat(verify(" t=" + NOW.getEpochSecond() + " , v1=" + v1.toUpperCase() + " "))
                .isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void refusesAToleranceThatWouldDisableReplayProtection() {
        assertThatThrownBy(() -> new StripeSignatureVerifier(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StripeSignatureVerifier(Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(new SigningSecret(CURRENT).toString()).doesNotContain(CURRENT);
    }

    static byte[] ascii(Instant time) {
        return Long.toString(time.getEpochSecond()).getBytes(StandardCharsets.US_ASCII);
    }

    static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
