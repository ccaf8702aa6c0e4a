package io.paystream.catalog.sync;

import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/** A target run's counters, written to its run document on every heartbeat and at the end. */
final class RunCounts {

    static final String[] NAMES = {
        "productsUpserted",
        "pricesUpserted",
        "productsArchived",
        "pricesArchived",
        "productsInvalid",
        "staleSkipped",
        "apiCalls",
        "rateLimited",
        "unanswered"
    };

    final AtomicLong productsUpserted = new AtomicLong();
    final AtomicLong pricesUpserted = new AtomicLong();
    final AtomicLong productsArchived = new AtomicLong();
    final AtomicLong pricesArchived = new AtomicLong();
    final AtomicLong productsInvalid = new AtomicLong();
    final AtomicLong staleSkipped = new AtomicLong();
    final AtomicLong apiCalls = new AtomicLong();
    final AtomicLong rateLimited = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();

    Document toDocument() {
        AtomicLong[] values = {
            productsUpserted,
            pricesUpserted,
            productsArchived,
            pricesArchived,
            productsInvalid,
            staleSkipped,
            apiCalls,
            rateLimited,
            unanswered
        };
        Document document = new Document();
        for (int i = 0; i < NAMES.length; i++) {
            document.append(NAMES[i], values[i].get());
        }
        return document;
    }

    long written() {
        return productsUpserted.get() + pricesUpserted.get() + staleSkipped.get();
    }
}
