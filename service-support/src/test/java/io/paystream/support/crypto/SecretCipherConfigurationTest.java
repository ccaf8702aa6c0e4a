package io.paystream.support.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.events.crypto.SecretCipher;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The {@code paystream.crypto.*} rules every service shares, from the environment to the {@link SecretCipher}. */
@ExtendWith(OutputCaptureExtension.class)
class SecretCipherConfigurationTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(filled((byte) 7));

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(SecretCipherConfiguration.class);

    /** Environment variables as a container sets them; the name makes Spring bind them like the real environment. */
    private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return runner.withInitializer(context -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", variables)));
    }

    @Test
    void keysComeFromTheDocumentedEnvironmentVariables() {
        String encrypted =
                SecretCipher.fromBase64Keys("k2026a", Map.of("k2026a", KEY)).encrypt("whsec_x");

        withEnvironment(Map.of("PAYSTREAM_CRYPTO_ACTIVE_KEY_ID", "k2026a", "PAYSTREAM_CRYPTO_KEYS_K2026A", KEY))
                .withPropertyValues("spring.profiles.active=live")
                .run(context -> {
                    SecretCipher cipher = context.getBean(SecretCipher.class);
                    assertThat(cipher.activeKeyId()).isEqualTo("k2026a");
                    assertThat(cipher.decrypt(encrypted)).isEqualTo("whsec_x");
                });
    }

    @Test
    void anActiveKeyEncryptsAndEveryConfiguredKeyDecrypts() {
        String underOldKey =
                SecretCipher.fromBase64Keys("k1", Map.of("k1", KEY)).encrypt("sk_test_old");

        runner.withPropertyValues(
                        "paystream.crypto.active-key-id=k2",
                        "paystream.crypto.keys.k1=" + KEY,
                        "paystream.crypto.keys.k2=" + OTHER_KEY)
                .run(context -> {
                    SecretCipher cipher = context.getBean(SecretCipher.class);
                    assertThat(cipher.activeKeyId()).isEqualTo("k2");
                    assertThat(cipher.decrypt(underOldKey)).isEqualTo("sk_test_old");
                    assertThat(cipher.isEncryptedWithActiveKey(cipher.encrypt("x")))
                            .isTrue();
                });
    }

    @Test
    void aSingleKeyIsActiveWithoutNamingItAndABlankNameIsNoName() {
        runner.withPropertyValues("paystream.crypto.keys.only=" + KEY)
                .run(context -> assertThat(context.getBean(SecretCipher.class).activeKeyId())
                        .isEqualTo("only"));
        // what an unset ${PAYSTREAM_CRYPTO_ACTIVE_KEY_ID:} arrives as
        runner.withPropertyValues("paystream.crypto.active-key-id=", "paystream.crypto.keys.only=" + KEY)
                .run(context -> assertThat(context.getBean(SecretCipher.class).activeKeyId())
                        .isEqualTo("only"));
    }

    @Test
    void withoutKeysOutsideLiveTheDevelopmentKeyIsUsedLoudly(CapturedOutput output) {
        runner.withPropertyValues("paystream.crypto.active-key-id=  ").run(context -> {
            assertThat(context.getBean(SecretCipher.class).activeKeyId()).isEqualTo(SecretCipher.DEVELOPMENT_KEY_ID);
            assertThat(output).contains("PUBLIC development key");
        });
    }

    @Test
    void withoutKeysTheLiveProfileRefusesToStart() {
        runner.withPropertyValues("spring.profiles.active=live").run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("'live' profile is active")
                .hasMessageContaining("no encryption key is configured")
                .hasMessageContaining("PAYSTREAM_CRYPTO_ACTIVE_KEY_ID")
                .hasMessageContaining("PAYSTREAM_CRYPTO_KEYS_<ID>"));
    }

    @Test
    void anActiveKeyIdWithoutAnyKeyStopsTheStartEvenOutsideLive() {
        runner.withPropertyValues("paystream.crypto.active-key-id=k2026a").run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("paystream.crypto is invalid")
                .hasMessageContaining("PAYSTREAM_CRYPTO_KEYS_K2026A"));
    }

    @Test
    void severalKeysNeedTheActiveOneNamed() {
        runner.withPropertyValues("paystream.crypto.keys.k1=" + KEY, "paystream.crypto.keys.k2=" + OTHER_KEY)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("paystream.crypto is invalid")
                        .hasMessageContaining("[k1, k2]")
                        .hasMessageContaining("PAYSTREAM_CRYPTO_ACTIVE_KEY_ID"));
    }

    @Test
    void aBadKeyStopsTheStartWithoutQuotingIt() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());
        runner.withPropertyValues("paystream.crypto.active-key-id=k1", "paystream.crypto.keys.k1=" + shortKey)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("paystream.crypto is invalid")
                        .hasMessageContaining("32 bytes")
                        .hasMessageNotContaining(shortKey));
        runner.withPropertyValues("paystream.crypto.active-key-id=k1", "paystream.crypto.keys.k1=not base64!")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("not valid base64")
                        .hasMessageNotContaining("not base64!"));
        runner.withPropertyValues("paystream.crypto.active-key-id=k2", "paystream.crypto.keys.k1=" + KEY)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("'k2' is not among the configured keys [k1]"));
    }

    @Test
    void theRulesHoldWithoutSpringAndPropertiesNeverPrintKeys() {
        assertThat(SecretCipherConfiguration.cipherFor(new CryptoProperties("", Map.of()), false)
                        .activeKeyId())
                .isEqualTo(SecretCipher.DEVELOPMENT_KEY_ID);
        assertThatThrownBy(() -> SecretCipherConfiguration.cipherFor(new CryptoProperties(null, Map.of()), true))
                .hasMessageContaining("'live' profile is active");
        Map<String, String> keys = new HashMap<>();
        keys.put("k1", KEY);
        CryptoProperties properties = new CryptoProperties(" k1 ", keys);
        keys.clear();
        assertThat(properties.keys()).as("a copy").containsOnlyKeys("k1");
        assertThat(properties.effectiveActiveKeyId()).contains("k1");
        assertThat(properties.toString()).contains("k1").doesNotContain(KEY);
    }

    private static byte[] filled(byte value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, value);
        return key;
    }
}
