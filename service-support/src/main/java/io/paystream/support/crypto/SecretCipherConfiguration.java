package io.paystream.support.crypto;

import io.paystream.events.crypto.SecretCipher;
import io.paystream.support.LiveProfile;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one {@link SecretCipher} of a service, from {@link CryptoProperties}. A service imports it
 * ({@code @Import(SecretCipherConfiguration.class)}); it is not an auto-configuration on purpose, since under the
 * {@code live} profile it stops a start without keys, which a service that stores no secret (payment-worker) must
 * never do just for having this module on its classpath.
 *
 * <p>The rules, the same in every service:
 *
 * <ul>
 *   <li>Keys configured: the active key is {@code active-key-id}, or the only key when there is one and none is
 *       named. Several keys and none named, a named key that is not configured, a key that is not base64 of 32 bytes
 *       or an id {@code SecretCipher} refuses: the start stops with a message that names key ids and sizes, never
 *       key material.
 *   <li>An active key id but no key: the start stops. Someone meant a real key and lost it on the way; falling back
 *       to the public key would store secrets protected by nothing.
 *   <li>Nothing configured: under the {@code live} profile the start stops; otherwise the public development key
 *       ({@link SecretCipher#development()}, id {@value SecretCipher#DEVELOPMENT_KEY_ID}) with a WARN, so the local
 *       stack and tests run unconfigured and every service of it encrypts and decrypts alike.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
public class SecretCipherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretCipherConfiguration.class);

    @Bean
    public SecretCipher secretCipher(CryptoProperties properties, Environment environment) {
        return cipherFor(properties, environment.matchesProfiles(LiveProfile.NAME));
    }

    /** The rules above without Spring, for tests and tools. */
    public static SecretCipher cipherFor(CryptoProperties properties, boolean liveProfile) {
        if (properties.hasKeys()) {
            String activeKeyId = properties
                    .effectiveActiveKeyId()
                    .orElseThrow(() ->
                            invalid("keys " + new TreeSet<>(properties.keys().keySet())
                                    + " are configured but none is active: set PAYSTREAM_CRYPTO_ACTIVE_KEY_ID to the id new"
                                    + " envelopes are written with"));
            try {
                return SecretCipher.fromBase64Keys(activeKeyId, properties.keys());
            } catch (IllegalArgumentException e) {
                // SecretCipher's messages name key ids and sizes, never key material; its cause is left out anyway
                throw invalid(e.getMessage());
            }
        }
        if (properties.activeKeyId() != null) {
            throw invalid("the active key id '" + properties.activeKeyId() + "' is set but no key is configured: set"
                    + " PAYSTREAM_CRYPTO_KEYS_" + properties.activeKeyId().toUpperCase(java.util.Locale.ROOT)
                    + " (base64 of 32 random bytes)");
        }
        if (liveProfile) {
            throw new IllegalStateException("The 'live' profile is active but no encryption key is configured"
                    + " (paystream.crypto): set PAYSTREAM_CRYPTO_ACTIVE_KEY_ID and PAYSTREAM_CRYPTO_KEYS_<ID> (base64"
                    + " of 32 random bytes, e.g. `openssl rand -base64 32`) to the same keys in catalog-sync and"
                    + " webhook-ingest. The public development key is refused in live.");
        }
        log.warn(
                "No encryption key configured (paystream.crypto): secrets at rest use the PUBLIC development key"
                        + " '{}'. Fine on a laptop; configure real keys (PAYSTREAM_CRYPTO_KEYS_<ID>) anywhere else.",
                SecretCipher.DEVELOPMENT_KEY_ID);
        return SecretCipher.development();
    }

    private static IllegalStateException invalid(String reason) {
        return new IllegalStateException("paystream.crypto is invalid: " + reason);
    }
}
