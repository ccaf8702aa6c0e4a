package io.paystream.catalog.backfill;

import io.paystream.catalog.sync.CatalogSync;

/** Why a backfill or one of its types stopped, in the catalog sync's words: never a key or a stack trace. */
final class Reasons {

    private Reasons() {}

    static String of(Exception e) {
        if (e instanceof BackfillProgress.BackfillAbortedException) {
            return e.getMessage();
        }
        return CatalogSync.reason(e);
    }
}
