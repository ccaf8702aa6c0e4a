package io.paystream.events;

import java.time.Instant;

/**
 * {@link Instant#toString()} and {@link Instant#parse} that remember the last few instants they wrote or read. A
 * backfill writes the same fetch instant three times into each of a page's hundred records (the value's
 * {@code fetched_at}, the {@code created} and {@code received-at} headers), and payment-worker reads the headers back;
 * formatting or parsing one costs about a microsecond: 6% of a listing thread's CPU and 5% of the worker's (JFR,
 * bench/README.md). Instants that differ every time (a webhook's) just miss.
 */
public final class InstantText {

    private record Written(Instant instant, String text) {}

    private static final int SLOTS = 4;

    // Racing threads may overwrite each other's slots: that costs a miss, never a wrong text, because a slot holds an
    // immutable pair whose final fields are visible to any thread that sees it.
    private static final Written[] WRITTEN = new Written[SLOTS];
    private static final Written[] READ = new Written[SLOTS];
    private static int nextWritten;
    private static int nextRead;

    private InstantText() {}

    /** {@link Instant#toString()}. */
    public static String of(Instant instant) {
        for (int i = 0; i < SLOTS; i++) {
            Written written = WRITTEN[i];
            if (written != null && written.instant.equals(instant)) {
                return written.text;
            }
        }
        String text = instant.toString();
        int slot = nextWritten;
        nextWritten = (slot + 1) % SLOTS;
        WRITTEN[slot] = new Written(instant, text);
        return text;
    }

    /**
     * {@link Instant#parse}.
     *
     * @throws java.time.format.DateTimeParseException when the text is not an ISO-8601 instant
     */
    public static Instant parse(String text) {
        for (int i = 0; i < SLOTS; i++) {
            Written read = READ[i];
            if (read != null && read.text.equals(text)) {
                return read.instant;
            }
        }
        Instant instant = Instant.parse(text);
        int slot = nextRead;
        nextRead = (slot + 1) % SLOTS;
        READ[slot] = new Written(instant, text);
        return instant;
    }
}
