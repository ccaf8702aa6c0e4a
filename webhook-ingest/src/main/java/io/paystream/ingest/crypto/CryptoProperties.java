package io.paystream.ingest.crypto;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys that decrypt the signing secrets of runtime endpoints ({@code SecretCipher} envelopes). Shared with
 * catalog-sync, which encrypts them: both services must hold the same keys.
 *
 * @param activeKeyId the key new envelopes are written with; may be left out when exactly one key is configured
 * @param keys base64 of a 32-byte AES key by key id; env {@code PAYSTREAM_CRYPTO_KEYS_<ID>}
 */
@ConfigurationProperties("paystream.crypto")
record CryptoProperties(@Nullable String activeKeyId, Map<String, String> keys) {

    CryptoProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        if (activeKeyId != null && activeKeyId.isBlank()) {
            activeKeyId = null;
        }
    }

    boolean hasKeys() {
        return !keys.isEmpty();
    }

    /** The configured active key id, or the only key's id when there is exactly one. */
    @Nullable
    String effectiveActiveKeyId() {
        if (activeKeyId == null && keys.size() == 1) {
            return keys.keySet().iterator().next();
        }
        return activeKeyId;
    }

    @Override
    public String toString() {
        // key material never reaches logs or failure messages
        return "CryptoProperties[activeKeyId=" + activeKeyId + ", keys=" + keys.keySet() + "]";
    }
}
