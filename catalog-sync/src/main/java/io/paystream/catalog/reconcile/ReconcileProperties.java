package io.paystream.catalog.reconcile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code paystream.reconcile.*}. The Stripe client's rate limits and retries are the catalog sync's: reconciliation
 * shares the mode's limiter with syncs and backfills.
 *
 * @param enabled whether this instance reconciles on its schedule (the cursors are shared: any instance continues)
 * @param interval time between two passes over every target
 * @param lookBack where a target's first pass starts: now minus this. Not Stripe's 30 days: a new connection's older
 *     history is the backfill's, and re-publishing a month of events would only be de-duplicated
 * @param retention how long Stripe keeps events (30 days); a cursor older than this has lost events for good
 * @param pageSize events per request (1 to 100); one page is in memory at a time
 * @param publishTimeout longest wait for Kafka to acknowledge a page; beyond it the pass stops and the page is read
 *     again by the next
 */
@Validated
@ConfigurationProperties("paystream.reconcile")
public record ReconcileProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5m") @NotNull Duration interval,
        @DefaultValue("3d") @NotNull Duration lookBack,
        @DefaultValue("30d") @NotNull Duration retention,
        @DefaultValue("100") @Min(1) @Max(100) int pageSize,
        @DefaultValue("30s") @NotNull Duration publishTimeout) {}
