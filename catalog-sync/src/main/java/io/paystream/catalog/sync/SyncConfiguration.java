package io.paystream.catalog.sync;

import io.paystream.catalog.CatalogProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The threads that run syncs, and the schedule that starts them. On shutdown running syncs are interrupted: they stop
 * at the next object, record themselves {@code partial} or {@code failed} if MongoDB is still there, and otherwise
 * stay {@code running} until the next run marks them abandoned; either way nothing was archived.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SyncConfiguration implements SchedulingConfigurer {

    private final CatalogProperties properties;
    private final CatalogSync sync;
    private final LastSuccessRefresher lastSuccess;

    SyncConfiguration(CatalogProperties properties, CatalogSync sync, LastSuccessRefresher lastSuccess) {
        this.properties = properties;
        this.sync = sync;
        this.lastSuccess = lastSuccess;
    }

    @Bean
    static ThreadPoolTaskExecutor catalogSyncExecutor(CatalogProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("catalog-sync-");
        executor.setCorePoolSize(properties.runs().parallelism());
        executor.setMaxPoolSize(properties.runs().parallelism());
        executor.setQueueCapacity(10_000);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.schedule().enabled()) {
            registrar.addCronTask(sync::syncAllScheduled, properties.schedule().cron());
        }
        registrar.addFixedDelayTask(lastSuccess::refresh, LastSuccessRefresher.PERIOD);
    }
}
