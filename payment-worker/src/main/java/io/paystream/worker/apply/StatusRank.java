package io.paystream.worker.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The forward order of an object's statuses, used to break ties between events of the same second, and its terminal
 * statuses, which never regress. Unknown statuses (a newer API version) rank lowest and are not terminal.
 */
public final class StatusRank {

    private final Map<String, Integer> ranks = new HashMap<>();
    private final Set<String> terminal;

    /** {@code ordered} lists groups of equal rank, lowest first; terminal statuses rank above all of them. */
    public StatusRank(List<List<String>> ordered, Set<String> terminal) {
        for (int i = 0; i < ordered.size(); i++) {
            for (String status : ordered.get(i)) {
                ranks.put(status, i + 1);
            }
        }
        for (String status : terminal) {
            ranks.put(status, ordered.size() + 1);
        }
        this.terminal = Set.copyOf(terminal);
    }

    public int rank(@Nullable String status) {
        return status == null ? 0 : ranks.getOrDefault(status, 0);
    }

    public boolean isTerminal(@Nullable String status) {
        return status != null && terminal.contains(status);
    }
}
