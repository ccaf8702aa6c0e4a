package io.paystream.events.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM with a key id, so keys rotate: encrypt with the active key, decrypt with any configured key.
 *
 * <p>Envelope: {@code v1.<keyId>.<base64url(12-byte IV || ciphertext+128-bit tag)>}, base64url without padding. The
 * prefix {@code v1.<keyId>} is authenticated as associated data, so an envelope cannot be relabelled to another key
 * id or version without failing. Written on the JDK's own provider: GCM is the JDK's standard AEAD, so no crypto
 * library is needed.
 *
 * <p>Thread-safe: a {@link Cipher} is created per call.
 */
public final class SecretCipher {

    /** Id of the fixed development key; see {@link #development()}. */
    public static final String DEVELOPMENT_KEY_ID = "dev";

    /** Key ids appear inside the envelope (so no dots) and in environment variable names. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private static final String VERSION = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKeyId;
    private final Map<String, SecretKey> keysById;

    /**
     * @param activeKeyId the key new envelopes are encrypted with; must be one of {@code keysById}
     * @param keysById every key that may still have to decrypt, each exactly 32 bytes (AES-256)
     * @throws IllegalArgumentException when a key id, a key size or the active key id is wrong
     */
    public SecretCipher(@Nullable String activeKeyId, Map<String, byte[]> keysById) {
        Objects.requireNonNull(keysById, "keysById");
        if (keysById.isEmpty()) {
            throw new IllegalArgumentException("at least one encryption key is needed");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keysById.forEach((id, key) -> {
            if (id == null || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key id '" + id + "' must match " + KEY_ID.pattern());
            }
            if (key == null || key.length != KEY_BYTES) {
                // the size is safe to say, the key is not
                throw new IllegalArgumentException("key '" + id + "' must be " + KEY_BYTES + " bytes (AES-256), got "
                        + (key == null ? 0 : key.length));
            }
            keys.put(id, new SecretKeySpec(key.clone(), "AES"));
        });
        if (activeKeyId == null || !keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException(
                    "active key id '" + activeKeyId + "' is not among the configured keys " + keys.keySet());
        }
        this.activeKeyId = activeKeyId;
        this.keysById = Map.copyOf(keys);
    }

    /**
     * Keys given as base64 text, as they come from configuration ({@code paystream.crypto.keys.<id>}). Standard and
     * URL-safe alphabets are both accepted.
     */
    public static SecretCipher fromBase64Keys(@Nullable String activeKeyId, Map<String, String> base64KeysById) {
        Objects.requireNonNull(base64KeysById, "base64KeysById");
        Map<String, byte[]> keys = new LinkedHashMap<>();
        base64KeysById.forEach((id, base64) -> keys.put(id, decodeKey(id, base64)));
        return new SecretCipher(activeKeyId, keys);
    }

    /**
     * A cipher with one fixed, publicly known key (id {@value #DEVELOPMENT_KEY_ID}), so every service of a local stack
     * or test encrypts and decrypts alike without configuration. It protects nothing: services use it only when no key
     * is configured and the {@code live} profile is off, and say so loudly.
     */
    public static SecretCipher development() {
        return new SecretCipher(DEVELOPMENT_KEY_ID, Map.of(DEVELOPMENT_KEY_ID, developmentKey()));
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** Encrypts with the active key and a fresh random IV, so equal plaintexts give different envelopes. */
    public String encrypt(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keysById.get(activeKeyId), iv, activeKeyId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return prefix(activeKeyId) + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Decrypts an envelope written with any configured key.
     *
     * @throws SecretCipherException when the envelope is malformed, names a key id not configured here, or fails
     *     authentication (tampered, or a different key under the same id); the message never contains the envelope
     */
    public String decrypt(@Nullable String envelope) {
        Envelope parsed = Envelope.parse(envelope);
        SecretKey key = keysById.get(parsed.keyId());
        if (key == null) {
            throw new SecretCipherException("envelope was encrypted with key id '" + parsed.keyId()
                    + "', which is not configured here (configured: " + keysById.keySet() + ")");
        }
        byte[] payload = parsed.payload();
        try {
            Cipher cipher =
                    cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(payload, IV_BYTES), parsed.keyId());
            byte[] plain = cipher.doFinal(payload, IV_BYTES, payload.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretCipherException(
                    "envelope with key id '" + parsed.keyId() + "' failed authentication: tampered or wrong key", e);
        } catch (GeneralSecurityException e) {
            throw new SecretCipherException("envelope with key id '" + parsed.keyId() + "' could not be decrypted", e);
        }
    }

    /** Whether the envelope names the active key id, i.e. needs no re-encryption after a rotation. */
    public boolean isEncryptedWithActiveKey(@Nullable String envelope) {
        try {
            return Envelope.parse(envelope).keyId().equals(activeKeyId);
        } catch (SecretCipherException e) {
            return false;
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String keyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(prefix(keyId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static String prefix(String keyId) {
        return VERSION + "." + keyId;
    }

    private static byte[] decodeKey(String id, @Nullable String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("key '" + id + "' is empty");
        }
        String trimmed = base64.strip();
        try {
            return trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            // deliberately without the cause: its message can quote the key material
            throw new IllegalArgumentException("key '" + id + "' is not valid base64");
        }
    }

    private static byte[] developmentKey() {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest("paystream development key - not a secret".getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private record Envelope(String keyId, byte[] payload) {

        static Envelope parse(@Nullable String envelope) {
            if (envelope == null) {
                throw new SecretCipherException("envelope is missing");
            }
            String[] parts = envelope.split("\\.", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new SecretCipherException("not a " + VERSION + " envelope (expected v1.<keyId>.<payload>)");
            }
            if (!KEY_ID.matcher(parts[1]).matches()) {
                throw new SecretCipherException("envelope has an invalid key id");
            }
            byte[] payload;
            try {
                payload = Base64.getUrlDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new SecretCipherException("envelope payload is not base64url");
            }
            if (payload.length < IV_BYTES + TAG_BITS / 8) {
                throw new SecretCipherException("envelope payload is too short");
            }
            return new Envelope(parts[1], payload);
        }
    }
}
