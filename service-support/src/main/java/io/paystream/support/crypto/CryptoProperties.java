package io.paystream.support.crypto;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Encryption of secrets at rest ({@code paystream.crypto.*}): catalog-sync encrypts with these keys, webhook-ingest
 * decrypts, so both must hold the same ones. Read once, here, by the same rules in every service (see
 * {@link SecretCipherConfiguration}).
 *
 * @param activeKeyId the key new envelopes are written with (env {@code PAYSTREAM_CRYPTO_ACTIVE_KEY_ID}); blank is
 *     the same as absent, and may be left out when exactly one key is configured
 * @param keys every key id that may still have to decrypt, to its base64 32-byte AES key (env
 *     {@code PAYSTREAM_CRYPTO_KEYS_<ID>}); keep a retired key here until re-encryption moved everything off it
 */
@ConfigurationProperties("paystream.crypto")
public record CryptoProperties(@Nullable String activeKeyId, Map<String, String> keys) {

    public CryptoProperties {
        // an unset environment variable (${PAYSTREAM_CRYPTO_ACTIVE_KEY_ID:}) arrives as "": it means "not set"
        activeKeyId = activeKeyId == null || activeKeyId.isBlank() ? null : activeKeyId.strip();
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    public boolean hasKeys() {
        return !keys.isEmpty();
    }

    /** The configured active key id, or the only key's id when there is exactly one and none is named. */
    public Optional<String> effectiveActiveKeyId() {
        if (activeKeyId == null && keys.size() == 1) {
            return Optional.of(keys.keySet().iterator().next());
        }
        return Optional.ofNullable(activeKeyId);
    }

    @Override
    public String toString() {
        // key material never reaches logs or failure messages
        return "CryptoProperties[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + "]";
    }
}
