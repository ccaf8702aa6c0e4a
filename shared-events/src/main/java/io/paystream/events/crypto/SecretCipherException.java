package io.paystream.events.crypto;

/** An envelope could not be decrypted: malformed, encrypted with a key id not configured here, or tampered with. */
public class SecretCipherException extends RuntimeException {

    public SecretCipherException(String message) {
        super(message);
    }

    public SecretCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
