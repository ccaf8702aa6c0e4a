package io.paystream.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code paystream.catalog.*}: what the catalog sync does and how hard it may push Stripe. How Stripe is reached (API
 * base, keys, timeouts) is {@link io.paystream.catalog.stripe.StripeApiProperties}.
 *
 * @param schedule the periodic full sync
 * @param connectedAccounts Connect accounts ({@code acct_...}) whose catalogs are synced with the platform's key and
 *     the {@code Stripe-Account} header, in every mode the platform has a key for
 * @param batchSize objects per MongoDB bulk write while listing
 * @param rateLimit client-side request rates, below Stripe's (100/s live, 25/s test)
 * @param retry retries of rate-limited and failed Stripe requests
 * @param runs locking, heartbeats and parallelism of sync runs
 * @param events the incremental updates from {@code stripe.events}
 */
@Validated
@ConfigurationProperties("paystream.catalog")
public record CatalogProperties(
        @Valid @NotNull @DefaultValue Schedule schedule,
        @NotNull @DefaultValue List<@Pattern(regexp = "acct_[A-Za-z0-9]+") String> connectedAccounts,
        @DefaultValue("100") @Min(1) @Max(1000) int batchSize,
        @Valid @NotNull @DefaultValue RateLimit rateLimit,
        @Valid @NotNull @DefaultValue Retry retry,
        @Valid @NotNull @DefaultValue Runs runs,
        @Valid @NotNull @DefaultValue Events events) {

    /**
     * @param enabled whether this instance starts scheduled syncs (manual and event-driven updates work regardless)
     * @param cron Spring cron expression (six fields, seconds first), in the server's time zone
     * @param lockAtLeastFor a scheduled run keeps its target's lock at least this long, so instances whose clocks differ
     *     by less do not sync the same target twice for one tick
     */
    public record Schedule(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0 */15 * * * *") @NotBlank String cron,
            @DefaultValue("60s") @NotNull Duration lockAtLeastFor) {}

    /**
     * Requests per second per mode for this instance; 0 switches the client-side limit off (benchmarks only).
     *
     * @param test test-mode keys (Stripe allows 25/s)
     * @param live live-mode keys (Stripe allows 100/s)
     */
    public record RateLimit(
            @DefaultValue("20") @Min(0) int test,
            @DefaultValue("80") @Min(0) int live) {}

    /**
     * @param maxAttempts attempts per Stripe request, the first included
     * @param initialBackoff first wait when Stripe gave no {@code Retry-After}; doubles per attempt, with jitter
     * @param maxBackoff cap of any wait, also of a {@code Retry-After} Stripe asks for
     */
    public record Retry(
            @DefaultValue("8") @Min(1) int maxAttempts,
            @DefaultValue("500ms") @NotNull Duration initialBackoff,
            @DefaultValue("30s") @NotNull Duration maxBackoff) {}

    /**
     * @param parallelism targets synced at the same time by this instance
     * @param lockTimeout a target's lock expires this long after its holder's last heartbeat: how soon another
     *     instance takes over after a crash
     * @param heartbeat how often a running sync extends its lock and records its progress
     */
    public record Runs(
            @DefaultValue("2") @Min(1) @Max(16) int parallelism,
            @DefaultValue("2m") @NotNull Duration lockTimeout,
            @DefaultValue("15s") @NotNull Duration heartbeat) {

        @AssertTrue(message = "heartbeat must be at most a third of lock-timeout, or a slow heartbeat loses the lock")
        public boolean isHeartbeatWellWithinLockTimeout() {
            return lockTimeout == null
                    || heartbeat == null
                    || heartbeat.multipliedBy(3).compareTo(lockTimeout) <= 0;
        }
    }

    /**
     * @param enabled whether product and price events on {@code stripe.events} are applied between full syncs
     * @param retryFor how long a failing event is retried before it is skipped (the next full sync repairs it)
     */
    public record Events(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") @NotNull Duration retryFor) {}
}
