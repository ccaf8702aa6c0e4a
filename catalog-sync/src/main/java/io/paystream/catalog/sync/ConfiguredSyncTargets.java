package io.paystream.catalog.sync;

import io.paystream.catalog.CatalogProperties;
import io.paystream.catalog.stripe.StripeApiProperties;
import io.paystream.catalog.stripe.StripeKeys;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The targets configuration names: the platform account in each mode it has a key for, and every configured Connect
 * account in those modes, reached with the platform's key and the {@code Stripe-Account} header. A key of the wrong
 * mode stops the start: a live sync must never run on a test key or the other way round.
 */
@Component
class ConfiguredSyncTargets implements SyncTargetSource {

    private final List<SyncTarget> targets;

    ConfiguredSyncTargets(StripeApiProperties stripe, CatalogProperties catalog) {
        List<SyncTarget> found = new ArrayList<>();
        addMode(found, false, stripe.platformTestKey(), catalog.connectedAccounts());
        addMode(found, true, stripe.platformLiveKey(), catalog.connectedAccounts());
        this.targets = List.copyOf(found);
    }

    private static void addMode(List<SyncTarget> found, boolean livemode, String key, List<String> connected) {
        if (key == null || key.isBlank()) {
            return;
        }
        boolean rightMode = livemode ? StripeKeys.isLiveKey(key) : StripeKeys.isTestKey(key);
        if (!rightMode) {
            throw new IllegalStateException("paystream.stripe.platform-" + (livemode ? "live" : "test")
                    + "-key is not a " + (livemode ? "live" : "test") + "-mode secret or restricted key: "
                    + StripeKeys.mask(key));
        }
        found.add(new SyncTarget(SyncTargetNames.PLATFORM, livemode, key, null));
        connected.forEach(account -> found.add(new SyncTarget(account, livemode, key, account)));
    }

    @Override
    public List<SyncTarget> targets() {
        return targets;
    }
}
