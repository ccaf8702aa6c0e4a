package io.paystream.ingest.signature;

/** What checking a {@code Stripe-Signature} header against a body found. */
public enum SignatureVerdict {
    /** A {@code v1} signature matches one of the secrets and the timestamp is within tolerance. */
    VALID,
    /** No header, or an empty one. */
    MISSING_HEADER,
    /** Not of the form {@code t=<digits>,v1=<hex>...}, e.g. no or two timestamps, a non-numeric timestamp. */
    MALFORMED_HEADER,
    /** Well-formed, but without a usable {@code v1} signature (only {@code v0} or unknown schemes). */
    NO_V1_SIGNATURE,
    /** No {@code v1} signature matches any secret: a forgery, a re-serialised body, or a wrong secret. */
    MISMATCH,
    /** A signature matches but its timestamp is too old (a replay) or too far in the future. */
    OUTSIDE_TOLERANCE
}
