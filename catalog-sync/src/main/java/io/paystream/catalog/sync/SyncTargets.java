package io.paystream.catalog.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The union of every {@link SyncTargetSource}, asked afresh each time so connections added at runtime are synced. */
@Component
public class SyncTargets {

    private final List<SyncTargetSource> sources;

    SyncTargets(List<SyncTargetSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Each target once (by {@link SyncTarget#key()}); the first source naming a target wins. */
    public List<SyncTarget> all() {
        Map<String, SyncTarget> byKey = new LinkedHashMap<>();
        for (SyncTargetSource source : sources) {
            source.targets().forEach(target -> byKey.putIfAbsent(target.key(), target));
        }
        return new ArrayList<>(byKey.values());
    }

    /** The tenant the first source that knows one gives the target; empty for configured targets. */
    public Optional<String> tenantOf(SyncTarget target) {
        for (SyncTargetSource source : sources) {
            Optional<String> tenant = source.tenantOf(target);
            if (tenant.isPresent()) {
                return tenant;
            }
        }
        return Optional.empty();
    }

    /** The targets of one account (or, account null, of every one), in one mode or (livemode null) in both. */
    public List<SyncTarget> of(@Nullable String account, @Nullable Boolean livemode) {
        return all().stream()
                .filter(target -> account == null || target.account().equals(account))
                .filter(target -> livemode == null || target.livemode() == livemode)
                .toList();
    }
}
