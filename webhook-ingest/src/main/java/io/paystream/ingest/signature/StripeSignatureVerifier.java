package io.paystream.ingest.signature;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks a {@code Stripe-Signature} header against the exact request bytes.
 *
 * <p>Hand-written rather than stripe-java's {@code Webhook.Signature.verifyHeader}, for three reasons: its timestamp
 * check is one-sided (a timestamp in the future always passes, and a tolerance of 0 switches the check off), a
 * malformed header such as {@code t=abc} throws {@code NumberFormatException} instead of a verification failure (a 500
 * unless every caller remembers to catch it), and it takes the body as a {@code String}, so bytes that are not valid
 * UTF-8 would be verified after a lossy decoding instead of as received. This version verifies raw bytes, counts only
 * {@code v1}, accepts any {@code v1} against any secret (secret rolling), compares in constant time, bounds the
 * timestamp on both sides, and never throws on input. Tests check it against headers made by stripe-java's own
 * {@code generateSignatureHeader}.
 */
public final class StripeSignatureVerifier {

    private final long toleranceSeconds;

    public StripeSignatureVerifier(Duration tolerance) {
        if (tolerance.toSeconds() <= 0) {
            throw new IllegalArgumentException("signature tolerance must be at least 1s, got " + tolerance);
        }
        this.toleranceSeconds = tolerance.toSeconds();
    }

    public SignatureVerdict verify(@Nullable String header, byte[] body, List<SigningSecret> secrets, Instant now) {
        if (header == null || header.isBlank()) {
            return SignatureVerdict.MISSING_HEADER;
        }
        SignatureHeader parsed = SignatureHeader.parse(header);
        if (parsed == null) {
            return SignatureVerdict.MALFORMED_HEADER;
        }
        if (parsed.v1Signatures().isEmpty()) {
            return SignatureVerdict.NO_V1_SIGNATURE;
        }
        if (!anySignatureMatches(parsed, body, secrets)) {
            return SignatureVerdict.MISMATCH;
        }
        long skew = Math.abs(now.getEpochSecond() - parsed.timestamp());
        return skew > toleranceSeconds ? SignatureVerdict.OUTSIDE_TOLERANCE : SignatureVerdict.VALID;
    }

    private static boolean anySignatureMatches(SignatureHeader header, byte[] body, List<SigningSecret> secrets) {
        for (SigningSecret secret : secrets) {
            byte[] expected = secret.sign(header.timestampBytes(), body);
            for (byte[] candidate : header.v1Signatures()) {
                if (secret.matches(expected, candidate)) {
                    return true;
                }
            }
        }
        return false;
    }
}
