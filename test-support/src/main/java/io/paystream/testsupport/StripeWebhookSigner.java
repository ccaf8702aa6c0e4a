package io.paystream.testsupport;

import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * Produces {@code Stripe-Signature} headers with stripe-java's own generator, an oracle independent of the ingest's
 * verifier.
 */
public final class StripeWebhookSigner {

    private StripeWebhookSigner() {}

    /** A header with one {@code v1} signature over {@code payload} at {@code timestamp}. */
    public static String header(byte[] payload, String secret, Instant timestamp) {
        try {
            return Webhook.Signature.generateSignatureHeader(
                    new String(payload, StandardCharsets.UTF_8), secret, timestamp.getEpochSecond());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header signed now. */
    public static String header(byte[] payload, String secret) {
        return header(payload, secret, Instant.now());
    }

    /** A header carrying one {@code v1} per secret, as Stripe sends while an endpoint secret is being rolled. */
    public static String headerForSecrets(byte[] payload, Instant timestamp, String... secrets) {
        StringBuilder header = new StringBuilder("t=").append(timestamp.getEpochSecond());
        for (String secret : secrets) {
            String single = header(payload, secret, timestamp);
            header.append(',').append(single.substring(single.indexOf("v1=")));
        }
        return header.toString();
    }
}
