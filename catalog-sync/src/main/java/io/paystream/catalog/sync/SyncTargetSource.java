package io.paystream.catalog.sync;

import java.util.List;
import java.util.Optional;

/**
 * Where catalogs to sync come from. Configuration supplies the platform account and its Connect accounts; the
 * connections feature supplies the accounts customers connected. The sync takes the union of every source.
 */
public interface SyncTargetSource {

    List<SyncTarget> targets();

    /**
     * The Paystream tenant a target of this source belongs to (a customer's connection has one), for records
     * published on its behalf; empty when the source does not know the target or gives it none.
     */
    default Optional<String> tenantOf(SyncTarget target) {
        return Optional.empty();
    }
}
