package io.paystream.catalog.backfill;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code paystream.backfill.*}. Locks, heartbeats and the Stripe client's rate limits and retries are the catalog
 * sync's ({@code paystream.catalog.runs.*}, {@code rate-limit}, {@code retry}): a backfill shares the mode's limiter
 * with the syncs, so together they never exceed it.
 *
 * @param pageSize objects per list request (Stripe allows 1 to 100); one page is in memory at a time
 * @param types what a backfill reads when a request names no types; the scheduled and connection backfills read these
 * @param schedule the periodic full pass
 * @param onConnection backfill a connection's account once when it becomes usable (keys validated, onboarding done)
 * @param progressLogInterval how often a running backfill logs its progress (one line, not one per page)
 * @param parallelism targets backfilled at the same time by this instance
 * @param typeParallelism payment types of one target listed at the same time (each still one page at a time, its
 *     cursor stored after Kafka acknowledged the page): one type alone waits for each page's answer and
 *     acknowledgement in turn and used 40% of a 100/s limiter in the benchmark; the mode's limiter bounds them all
 * @param publishTimeout longest wait for Kafka to acknowledge a page's records; beyond it the run stops and the page
 *     is listed again by the next
 */
@Validated
@ConfigurationProperties("paystream.backfill")
public record BackfillProperties(
        @DefaultValue("100") @Min(1) @Max(100) int pageSize,

        @DefaultValue({
            "account",
            "balance",
            "customers",
            "products",
            "prices",
            "payment_intents",
            "charges",
            "refunds",
            "disputes",
            "checkout_sessions",
            "subscriptions",
            "invoices",
            "payouts"
        })
        @NotEmpty
        List<BackfillType> types,

        @Valid @NotNull @DefaultValue Schedule schedule,
        @DefaultValue("true") boolean onConnection,
        @DefaultValue("10s") @NotNull Duration progressLogInterval,
        @DefaultValue("2") @Min(1) @Max(8) int parallelism,
        @DefaultValue("4") @Min(1) @Max(16) int typeParallelism,
        @DefaultValue("30s") @NotNull Duration publishTimeout) {

    /**
     * @param enabled whether this instance starts the scheduled pass over every target
     * @param cron Spring cron (six fields, seconds first), server time zone; weekly by default, Sunday 03:00
     */
    public record Schedule(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0 0 3 * * SUN") @NotBlank String cron) {}
}
