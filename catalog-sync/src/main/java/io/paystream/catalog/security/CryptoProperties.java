package io.paystream.catalog.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Encryption of secrets at rest ({@code paystream.crypto.*}), the same settings webhook-ingest reads.
 *
 * @param activeKeyId the key new envelopes are written with (env {@code PAYSTREAM_CRYPTO_ACTIVE_KEY_ID})
 * @param keys every key id that may still have to decrypt, to its base64 32-byte AES key (env
 *     {@code PAYSTREAM_CRYPTO_KEYS_<ID>}); keep a retired key here until re-encryption moved everything off it
 */
@ConfigurationProperties("paystream.crypto")
public record CryptoProperties(@DefaultValue("") String activeKeyId, Map<String, String> keys) {

    public CryptoProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    @Override
    public String toString() {
        return "CryptoProperties[activeKeyId=" + activeKeyId + ", keyIds=" + keys.keySet() + "]";
    }
}
