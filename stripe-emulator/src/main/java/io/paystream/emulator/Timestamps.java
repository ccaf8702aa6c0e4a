package io.paystream.emulator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Moves a fixture's Stripe JSON in time and mode: every Unix timestamp field shifts by the same amount (so a lifecycle
 * keeps its shape but happens now, or a seeded object gets its own {@code created}) and every {@code livemode} takes
 * the mode played. Timestamps are recognised by name, as Stripe names them ({@code created}, {@code *_at},
 * {@code *_start}, {@code *_end}, {@code period.start} ...), and by value (after 2001), so amounts never move.
 */
final class Timestamps {

    private static final Pattern TIMESTAMP_NAME =
            Pattern.compile("created|date|start|end|.*_(at|date|start|end|by|on|anchor)");
    private static final Set<String> OTHER_TIMESTAMPS = Set.of("current_deadline", "next_payment_attempt");
    private static final long YEAR_2001 = 1_000_000_000L;

    private Timestamps() {}

    static boolean isTimestamp(String name, Object value) {
        return (value instanceof Integer || value instanceof Long)
                && ((Number) value).longValue() > YEAR_2001
                && (OTHER_TIMESTAMPS.contains(name)
                        || TIMESTAMP_NAME.matcher(name).matches());
    }

    /** Shifts timestamps by {@code seconds} and sets {@code livemode}, in place, through nested objects and lists. */
    @SuppressWarnings("unchecked")
    static void shift(Object json, long seconds, boolean livemode) {
        if (json instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                Object value = entry.getValue();
                String name = entry.getKey();
                if (name.equals("livemode") && value instanceof Boolean) {
                    entry.setValue(livemode);
                } else if ((value instanceof Integer || value instanceof Long)
                        && ((Number) value).longValue() > YEAR_2001
                        && (OTHER_TIMESTAMPS.contains(name)
                                || TIMESTAMP_NAME.matcher(name).matches())) {
                    entry.setValue(((Number) value).longValue() + seconds);
                } else if (value != null) {
                    shift(value, seconds, livemode);
                }
            }
        } else if (json instanceof List<?> list) {
            list.forEach(item -> {
                if (item != null) {
                    shift(item, seconds, livemode);
                }
            });
        }
    }
}
