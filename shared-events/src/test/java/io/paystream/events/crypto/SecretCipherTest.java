package io.paystream.events.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String SECRET = "whsec_test_0123456789abcdef";

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private final byte[] oldKey = randomKey();
    private final byte[] newKey = randomKey();
    private final SecretCipher cipher = new SecretCipher("k1", Map.of("k1", oldKey));

    @Test
    void roundTripsAndNamesTheKeyInTheEnvelope() {
        String envelope = cipher.encrypt(SECRET);

        assertThat(envelope).startsWith("v1.k1.").doesNotContain(SECRET).doesNotContain("whsec");
        assertThat(envelope.substring("v1.k1.".length())).matches("[A-Za-z0-9_-]+");
        assertThat(cipher.decrypt(envelope)).isEqualTo(SECRET);
    }

    @Test
    void equalPlaintextsGiveDifferentEnvelopesBecauseTheIvIsRandom() {
        assertThat(cipher.encrypt(SECRET)).isNotEqualTo(cipher.encrypt(SECRET));
    }

    @Test
    void envelopeIsIvPlusCiphertextPlusTag() {
        String envelope = cipher.encrypt(SECRET);
        byte[] payload = Base64.getUrlDecoder().decode(envelope.substring("v1.k1.".length()));

        assertThat(payload).hasSize(12 + SECRET.length() + 16);
    }

    @Test
    void anOldEnvelopeStillDecryptsAfterANewKeyBecameActive() {
        String oldEnvelope = cipher.encrypt(SECRET);
        SecretCipher rotated = new SecretCipher("k2", Map.of("k1", oldKey, "k2", newKey));

        String newEnvelope = rotated.encrypt(SECRET);

        assertThat(newEnvelope).startsWith("v1.k2.");
        assertThat(rotated.decrypt(oldEnvelope)).isEqualTo(SECRET);
        assertThat(rotated.decrypt(newEnvelope)).isEqualTo(SECRET);
        assertThat(rotated.isEncryptedWithActiveKey(oldEnvelope)).isFalse();
        assertThat(rotated.isEncryptedWithActiveKey(newEnvelope)).isTrue();
        assertThat(rotated.isEncryptedWithActiveKey("garbage")).isFalse();
    }

    @Test
    void aTamperedEnvelopeFailsAuthentication() {
        String envelope = cipher.encrypt(SECRET);
        byte[] payload = Base64.getUrlDecoder().decode(envelope.substring("v1.k1.".length()));
        for (int i = 0; i < payload.length; i++) {
            byte[] tampered = payload.clone();
            tampered[i] ^= 0x01;
            String forged = "v1.k1." + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);

            assertThatThrownBy(() -> cipher.decrypt(forged))
                    .as("flipped bit in byte %d", i)
                    .isInstanceOf(SecretCipherException.class)
                    .hasMessageContaining("failed authentication");
        }
    }

    @Test
    void anEnvelopeRelabelledToAnotherKeyIdFails() {
        SecretCipher twoKeys = new SecretCipher("k1", Map.of("k1", oldKey, "k2", oldKey));
        String envelope = twoKeys.encrypt(SECRET);

        // same key bytes under another id: only the authenticated prefix tells them apart
        assertThatThrownBy(() -> twoKeys.decrypt(envelope.replace("v1.k1.", "v1.k2.")))
                .isInstanceOf(SecretCipherException.class);
    }

    @Test
    void aDifferentKeyUnderTheSameIdFails() {
        String envelope = cipher.encrypt(SECRET);
        SecretCipher other = new SecretCipher("k1", Map.of("k1", newKey));

        assertThatThrownBy(() -> other.decrypt(envelope)).isInstanceOf(SecretCipherException.class);
    }

    @Test
    void anUnknownKeyIdIsRefusedWithoutQuotingTheEnvelope() {
        String envelope = new SecretCipher("k9", Map.of("k9", newKey)).encrypt(SECRET);

        assertThatThrownBy(() -> cipher.decrypt(envelope))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("'k9'")
                .hasMessageNotContaining(envelope.substring("v1.k9.".length()));
    }

    @Test
    void malformedEnvelopesAreRefused() {
        for (String bad : new String[] {
            null, "", "whsec_plain", "v2.k1.AAAA", "v1.k1", "v1..AAAA", "v1.k1.not*base64", "v1.k1.AAAA", "v1.k1.a.b"
        }) {
            assertThatThrownBy(() -> cipher.decrypt(bad)).as(bad).isInstanceOf(SecretCipherException.class);
        }
    }

    @Test
    void wrongKeySizesAreRefused() {
        assertThatThrownBy(() -> new SecretCipher("k1", Map.of("k1", new byte[16])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageContaining("got 16");
        assertThatThrownBy(() -> new SecretCipher("k1", Map.of("k1", new byte[33])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theActiveKeyMustBeConfiguredAndKeyIdsMustFitTheEnvelope() {
        assertThatThrownBy(() -> new SecretCipher("k2", Map.of("k1", oldKey)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'k2'");
        assertThatThrownBy(() -> new SecretCipher(null, Map.of("k1", oldKey)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretCipher("k1", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretCipher("a.b", Map.of("a.b", oldKey)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void base64KeysInEitherAlphabetWork() {
        String standard = Base64.getEncoder().encodeToString(oldKey);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(oldKey);
        String envelope = cipher.encrypt(SECRET);

        assertThat(SecretCipher.fromBase64Keys("k1", Map.of("k1", standard)).decrypt(envelope))
                .isEqualTo(SECRET);
        assertThat(SecretCipher.fromBase64Keys("k1", Map.of("k1", " " + urlSafe + "\n"))
                        .decrypt(envelope))
                .isEqualTo(SECRET);
    }

    @Test
    void badBase64KeysAreRefusedWithoutQuotingThem() {
        assertThatThrownBy(() -> SecretCipher.fromBase64Keys("k1", Map.of("k1", "sec%ret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("sec%ret");
        assertThatThrownBy(() -> SecretCipher.fromBase64Keys(
                        "k1", Map.of("k1", Base64.getEncoder().encodeToString(new byte[24]))))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretCipher.fromBase64Keys("k1", Map.of("k1", " ")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDevelopmentKeyIsTheSameInEveryProcess() {
        String envelope = SecretCipher.development().encrypt(SECRET);

        assertThat(envelope).startsWith("v1." + SecretCipher.DEVELOPMENT_KEY_ID + ".");
        assertThat(SecretCipher.development().decrypt(envelope)).isEqualTo(SECRET);
        assertThatThrownBy(() -> cipher.decrypt(envelope)).isInstanceOf(SecretCipherException.class);
    }

    @Test
    void nonAsciiPlaintextsRoundTrip() {
        assertThat(cipher.decrypt(cipher.encrypt("clé-秘密"))).isEqualTo("clé-秘密");
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    }
}
