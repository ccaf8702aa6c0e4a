package io.paystream.worker.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code paystream.worker.*}, defaults in application.yml.
 *
 * @param apply the apply engine
 * @param outbox the domain-event relay
 * @param retry how failed events are retried before (or instead of) dead-lettering
 * @param deadLetter replay of the dead-letter topic
 */
@Validated
@ConfigurationProperties("paystream.worker")
public record WorkerProperties(
        @Valid @NotNull Apply apply,
        @Valid @NotNull Outbox outbox,
        @Valid @NotNull Retry retry,
        @Valid @NotNull DeadLetter deadLetter) {

    /**
     * @param recentEventIds how many applied event ids each document remembers for duplicate detection
     * @param maxAttempts optimistic-write attempts per event before it counts as a transient failure
     */
    public record Apply(@Min(1) int recentEventIds, @Min(1) int maxAttempts) {}

    /**
     * @param sweepInterval pause between sweeper passes while one is due (after a start, a partition assignment or a
     *     failed relay)
     * @param fullSweepInterval how often a pass is due anyway, as a safety net and to refresh the backlog gauge
     * @param minAge entries younger than this are left to the consumer thread's own relay
     * @param publishTimeout how long to wait for Kafka acknowledgements
     * @param sweepBatch documents per collection and pass
     * @param relayQueue applied batches whose entries may wait for the relay thread before the consumer waits too
     */
    public record Outbox(
            @NotNull Duration sweepInterval,
            @NotNull Duration fullSweepInterval,
            @NotNull Duration minAge,
            @NotNull Duration publishTimeout,
            @Min(1) int sweepBatch,
            @Min(1) int relayQueue) {}

    /**
     * @param initialInterval first back-off for transient failures (MongoDB or Kafka unavailable)
     * @param maxInterval cap of the exponential back-off; transient failures are retried forever
     * @param otherAttempts delivery attempts for unexpected errors before dead-lettering; poison goes at once
     */
    public record Retry(
            @NotNull Duration initialInterval,
            @NotNull Duration maxInterval,
            @Min(1) int otherAttempts) {}

    /**
     * @param replayGroup consumer group that tracks how far the dead-letter topic has been replayed
     * @param replayPollTimeout poll timeout while draining the dead-letter topic
     */
    public record DeadLetter(
            @NotBlank String replayGroup, @NotNull Duration replayPollTimeout) {}
}
