package io.paystream.catalog.sync;

import java.util.List;

/**
 * Where catalogs to sync come from. Configuration supplies the platform account and its Connect accounts; the
 * connections feature supplies the accounts customers connected. The sync takes the union of every source.
 */
public interface SyncTargetSource {

    List<SyncTarget> targets();
}
