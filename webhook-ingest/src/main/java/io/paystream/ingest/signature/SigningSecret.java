package io.paystream.ingest.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One endpoint signing secret ({@code whsec_...}, used whole as the HMAC key, as Stripe does). Each request thread keeps
 * its own initialised {@link Mac}: creating and keying one per request costs more than the HMAC itself.
 */
public final class SigningSecret {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public SigningSecret(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("signing secret must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC_SHA256);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** HMAC-SHA256 of {@code <timestamp>.<body>}, the bytes Stripe signs. */
    byte[] sign(byte[] timestamp, byte[] body) {
        Mac mac = macs.get();
        mac.update(timestamp);
        mac.update((byte) '.');
        mac.update(body);
        return mac.doFinal();
    }

    /** Constant-time comparison, so that response timing does not reveal how much of a forged signature matched. */
    boolean matches(byte[] expected, byte[] candidate) {
        return MessageDigest.isEqual(expected, candidate);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "SigningSecret[redacted]";
    }
}
