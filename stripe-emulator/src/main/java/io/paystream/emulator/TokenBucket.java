package io.paystream.emulator;

/**
 * Imitates Stripe's per-mode request limiter: a token bucket refilled at {@code perSecond}, holding at most one
 * second's worth. Hand-written on purpose: this is a test double of Stripe's limiter, not a limiter protecting a
 * service (that is what resilience4j is for).
 */
final class TokenBucket {

    private int perSecond;
    private double tokens;
    private long refilledAt = System.nanoTime();

    TokenBucket(int perSecond) {
        setRate(perSecond);
    }

    synchronized void setRate(int newPerSecond) {
        perSecond = Math.max(0, newPerSecond);
        tokens = perSecond;
        refilledAt = System.nanoTime();
    }

    /** False when the caller is over its rate; always true when the limit is off (0). */
    synchronized boolean tryAcquire() {
        if (perSecond == 0) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(perSecond, tokens + (now - refilledAt) * perSecond / 1e9);
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
