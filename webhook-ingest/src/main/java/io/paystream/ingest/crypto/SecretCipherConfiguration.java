package io.paystream.ingest.crypto;

import io.paystream.events.crypto.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The cipher for runtime endpoints' signing secrets. Without keys it falls back to the public development key so the
 * local stack and tests work unconfigured, but never under the {@code live} profile: there a missing key stops the
 * start, since production secrets must not be "protected" by a key anyone can read in the source.
 */
@Configuration(proxyBeanMethods = false)
class SecretCipherConfiguration {

    static final String LIVE_PROFILE = "live";

    private static final Logger log = LoggerFactory.getLogger(SecretCipherConfiguration.class);

    @Bean
    SecretCipher secretCipher(CryptoProperties properties, Environment environment) {
        if (properties.hasKeys()) {
            try {
                return SecretCipher.fromBase64Keys(properties.effectiveActiveKeyId(), properties.keys());
            } catch (IllegalArgumentException e) {
                // the message says all; it never holds key material
                throw new IllegalStateException("paystream.crypto is invalid: " + e.getMessage());
            }
        }
        if (environment.acceptsProfiles(Profiles.of(LIVE_PROFILE))) {
            throw new IllegalStateException("paystream.crypto.keys is empty while the 'live' profile is active: set"
                    + " PAYSTREAM_CRYPTO_ACTIVE_KEY_ID and PAYSTREAM_CRYPTO_KEYS_<ID> (base64 of 32 random bytes,"
                    + " e.g. `openssl rand -base64 32`) to the same keys as catalog-sync. The public development key"
                    + " is refused in live.");
        }
        log.warn(
                "No paystream.crypto.keys configured: using the PUBLIC development key '{}' for webhook signing"
                        + " secrets. Fine on a laptop; configure real keys (PAYSTREAM_CRYPTO_KEYS_<ID>) anywhere else.",
                SecretCipher.DEVELOPMENT_KEY_ID);
        return SecretCipher.development();
    }
}
