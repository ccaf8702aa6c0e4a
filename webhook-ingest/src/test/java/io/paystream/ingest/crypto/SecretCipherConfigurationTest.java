package io.paystream.ingest.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.crypto.SecretCipher;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

@ExtendWith(OutputCaptureExtension.class)
class SecretCipherConfigurationTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CryptoProperties.class)
    static class Crypto {}

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(Crypto.class, SecretCipherConfiguration.class);

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
    void aSingleKeyIsActiveWithoutNamingIt() {
        runner.withPropertyValues("paystream.crypto.keys.only=" + KEY)
                .run(context -> assertThat(context.getBean(SecretCipher.class).activeKeyId())
                        .isEqualTo("only"));
    }

    @Test
    void withoutKeysOutsideLiveTheDevelopmentKeyIsUsedLoudly(CapturedOutput output) {
        runner.run(context -> {
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
                .hasMessageContaining("PAYSTREAM_CRYPTO_KEYS_<ID>"));
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
        runner.withPropertyValues("paystream.crypto.active-key-id=k2", "paystream.crypto.keys.k1=" + KEY)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("'k2' is not among the configured keys [k1]"));
    }
}
