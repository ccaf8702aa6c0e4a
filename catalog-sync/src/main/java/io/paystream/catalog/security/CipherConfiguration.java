package io.paystream.catalog.security;

import io.paystream.events.crypto.SecretCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The one {@link SecretCipher} of this service: configured keys, or the public development key outside live. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
class CipherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CipherConfiguration.class);

    @Bean
    SecretCipher secretCipher(CryptoProperties properties, Environment environment) {
        if (!properties.keys().isEmpty() || !properties.activeKeyId().isBlank()) {
            try {
                return SecretCipher.fromBase64Keys(properties.activeKeyId(), properties.keys());
            } catch (IllegalArgumentException e) {
                // SecretCipher's messages name key ids and sizes, never key material
                throw new IllegalStateException("paystream.crypto is misconfigured: " + e.getMessage(), e);
            }
        }
        if (environment.matchesProfiles(LiveProfile.NAME)) {
            throw new IllegalStateException(
                    "The 'live' profile is active but no encryption key is configured: set"
                            + " PAYSTREAM_CRYPTO_ACTIVE_KEY_ID and PAYSTREAM_CRYPTO_KEYS_<ID> (a base64 32-byte key, e.g."
                            + " `openssl rand -base64 32`). Secret keys and webhook signing secrets are stored encrypted with it.");
        }
        log.warn(
                "No encryption key configured (paystream.crypto): secrets at rest use the PUBLIC development key"
                        + " '{}'. Never run like this with real keys.",
                SecretCipher.DEVELOPMENT_KEY_ID);
        return SecretCipher.development();
    }
}
