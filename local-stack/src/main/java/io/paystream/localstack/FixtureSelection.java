package io.paystream.localstack;

import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Turns {@code send}'s argument, an event type or a lifecycle name, into fixture events with fresh ids. */
final class FixtureSelection {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private FixtureSelection() {}

    /**
     * A lifecycle from the index, else the first fixture event of that type, else a lifecycle file that the index does
     * not list yet.
     *
     * @throws UsageException listing what is available when nothing matches
     */
    static List<FixtureEvent> resolve(String nameOrType, String runId) {
        if (!SAFE_NAME.matcher(nameOrType).matches() || nameOrType.contains("..")) {
            throw unknown(nameOrType);
        }
        if (StripeFixtures.lifecycleNames().contains(nameOrType)) {
            return StripeFixtures.lifecycle(nameOrType, runId);
        }
        try {
            return List.of(StripeFixtures.firstOfType(nameOrType, runId));
        } catch (IllegalArgumentException noSuchType) {
            // not an indexed event type: maybe a lifecycle file outside the index
        }
        try {
            return StripeFixtures.lifecycle(nameOrType, runId);
        } catch (IllegalArgumentException noSuchLifecycle) {
            throw unknown(nameOrType);
        }
    }

    /** The lifecycle names and event types {@code send} accepts, for the user to pick from. */
    static String available() {
        List<String> lifecycles = StripeFixtures.lifecycleNames();
        TreeSet<String> types = new TreeSet<>();
        for (String lifecycle : lifecycles) {
            StripeFixtures.lifecycle(lifecycle, "list").forEach(event -> types.add(event.type()));
        }
        if (lifecycles.isEmpty()) {
            return "No fixture lifecycles are installed yet (test-support's fixtures/stripe/lifecycles/index.txt is"
                    + " empty).";
        }
        return "Lifecycles:\n  " + String.join("\n  ", lifecycles) + "\nEvent types:\n  " + String.join("\n  ", types);
    }

    private static UsageException unknown(String nameOrType) {
        return new UsageException("no fixture lifecycle or event type '" + nameOrType + "'.\n" + available(), false);
    }
}
