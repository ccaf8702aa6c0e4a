package io.paystream.catalog.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.catalog.CatalogProperties;
import io.paystream.catalog.stripe.StripeApiProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ConfiguredSyncTargetsTest {

    @Test
    void thePlatformAndEachConnectAccountInEveryModeWithAKey() {
        var targets = new ConfiguredSyncTargets(
                        stripe("sk_test_platform1", "rk_live_platform2"), catalog(List.of("acct_1A", "acct_2B")))
                .targets();

        assertThat(targets)
                .extracting(SyncTarget::key)
                .containsExactly(
                        "platform:test",
                        "acct_1A:test",
                        "acct_2B:test",
                        "platform:live",
                        "acct_1A:live",
                        "acct_2B:live");
        assertThat(targets.get(1).apiKey()).isEqualTo("sk_test_platform1");
        assertThat(targets.get(1).stripeAccountHeader()).isEqualTo("acct_1A");
        assertThat(targets.get(0).stripeAccountHeader()).isNull();
        assertThat(targets.get(4).apiKey()).isEqualTo("rk_live_platform2");
    }

    @Test
    void aModeWithoutKeyIsNotSynced() {
        assertThat(new ConfiguredSyncTargets(stripe("sk_test_only", ""), catalog(List.of())).targets())
                .extracting(SyncTarget::key)
                .containsExactly("platform:test");
    }

    @Test
    void aKeyOfTheWrongModeStopsTheStartWithoutShowingIt() {
        assertThatThrownBy(() -> new ConfiguredSyncTargets(stripe("", "sk_test_hidden9876"), catalog(List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform-live-key")
                .hasMessageContaining("sk_test_...9876")
                .hasMessageNotContaining("hidden");
    }

    @Test
    void theTargetKeyNamesAccountAndModeAndHidesTheKey() {
        SyncTarget target = new SyncTarget("acct_1", true, "sk_live_abcdef", "acct_1");

        assertThat(target.toString()).isEqualTo("SyncTarget[acct_1:live]");
        assertThat(SyncTargetNames.lockName(target)).isEqualTo("catalog-sync:acct_1:live");
    }

    private static StripeApiProperties stripe(String testKey, String liveKey) {
        return new StripeApiProperties(
                "http://127.0.0.1:1",
                "2026-07-29.dahlia",
                testKey,
                liveKey,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }

    /** Bound like the application binds it, so every default applies. */
    private static CatalogProperties catalog(List<String> connected) {
        var source = new MapConfigurationPropertySource();
        for (int i = 0; i < connected.size(); i++) {
            source.put("paystream.catalog.connected-accounts[" + i + "]", connected.get(i));
        }
        return new Binder(source).bindOrCreate("paystream.catalog", CatalogProperties.class);
    }
}
