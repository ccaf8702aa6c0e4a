package io.paystream.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's idempotency: the same {@code Idempotency-Key} on the same account and mode replays the first response; the
 * same key with other parameters is an {@code idempotency_error}. Keeps the most recent keys only (Stripe keeps them
 * 24 hours).
 */
final class IdempotencyStore {

    record Stored(String fingerprint, int status, byte[] body) {}

    private static final int CAPACITY = 10_000;

    private final Map<String, Stored> responses = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized @Nullable Stored find(String scope, String key, String fingerprint) {
        Stored stored = responses.get(scope + "|" + key);
        if (stored != null && !stored.fingerprint().equals(fingerprint)) {
            throw new ApiError(
                    400,
                    "idempotency_error",
                    null,
                    "Keys for idempotent requests can only be used with the same parameters they were first used with."
                            + " Try using a key other than '" + key + "' if you meant to execute a different request.",
                    null);
        }
        return stored;
    }

    synchronized void save(String scope, String key, Stored response) {
        responses.put(scope + "|" + key, response);
    }
}
