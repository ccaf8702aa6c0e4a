package io.paystream.catalog.backfill;

import io.paystream.catalog.sync.SyncTarget;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What other features may ask of the backfill: today, reconciliation's fallback when events were lost for good. */
@Component
public class BackfillRequests {

    private final Backfills backfills;

    BackfillRequests(Backfills backfills) {
        this.backfills = backfills;
    }

    /**
     * Queues a full backfill of the target (trigger {@code reconciliation_gap}) unless this instance already has one
     * queued or running; a run of another instance is left alone, as for every trigger (the lock decides).
     *
     * @return the run id, empty when one was already pending here
     */
    public Optional<String> backfillGap(SyncTarget target) {
        return backfills.backfillGap(target).map(Backfills.Started::runId);
    }
}
