package io.paystream.catalog.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.catalog.CatalogApiClient;
import io.paystream.catalog.CatalogSyncApplication;
import io.paystream.catalog.metrics.CatalogMetrics;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.emulator.StripeEmulator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One more catalog-sync instance in this JVM, sharing MongoDB and Stripe with others, syncing one account. */
final class RacingInstance {

    private RacingInstance() {}

    static ConfigurableApplicationContext start(String mongoUri, StripeEmulator emulator, EmulatedAccount account) {
        // the account under race is the instance's only target: no platform key is configured
        SyncTarget target = new SyncTarget(account.id(), false, account.testSecretKey(), null);
        SyncTargetSource oneAccount = () -> List.of(target);
        return new SpringApplicationBuilder(CatalogSyncApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("raceTarget", oneAccount))
                .run(
                        "--server.port=0",
                        "--spring.jmx.enabled=false",
                        "--spring.mongodb.uri=" + mongoUri,
                        "--paystream.stripe.api-base=" + emulator.baseUrl(),
                        "--paystream.security.admin-token=" + CatalogApiClient.ADMIN_TOKEN,
                        "--paystream.catalog.schedule.enabled=false",
                        "--paystream.catalog.events.enabled=false",
                        "--paystream.catalog.rate-limit.test=0");
    }

    /** What the cron trigger calls, with both instances released at the same moment. */
    static CatalogSync.Started tick(ConfigurableApplicationContext instance, CyclicBarrier together) throws Exception {
        CatalogSync sync = instance.getBean(CatalogSync.class);
        together.await();
        return sync.syncAllScheduled();
    }

    static long finishedRuns(ConfigurableApplicationContext instance) {
        return runsWithOutcome(instance, "succeeded")
                + runsWithOutcome(instance, "skipped")
                + runsWithOutcome(instance, "failed")
                + runsWithOutcome(instance, "partial");
    }

    static long runsWithOutcome(ConfigurableApplicationContext instance, String outcome) {
        var counter = instance.getBean(MeterRegistry.class)
                .find(CatalogMetrics.RUNS)
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : (long) counter.count();
    }
}
