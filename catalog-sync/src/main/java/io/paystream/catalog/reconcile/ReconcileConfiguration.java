package io.paystream.catalog.reconcile;

import io.paystream.catalog.kafka.AcknowledgedProducers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.config.FixedDelayTask;

/** Reconciliation's producer and schedule (a fixed delay: a long pass never overlaps the next on this instance). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconcileProperties.class)
class ReconcileConfiguration {

    /** String keys, the event bytes, acks=all, idempotent; of its own, so Spring Boot's producer stays as it is. */
    @Bean
    StripeEventsPublisher stripeEventsPublisher(
            KafkaProperties kafka, KafkaConnectionDetails connection, ReconcileProperties properties) {
        return new StripeEventsPublisher(
                AcknowledgedProducers.factory(kafka, connection, properties.publishTimeout(), 5),
                properties.publishTimeout());
    }

    /**
     * One thread, no queue: a pass runs off the shared scheduler thread (the catalog sync's and backfill's ticks must
     * not wait behind it), and a tick that finds the previous pass still running is dropped.
     */
    @Bean
    static ThreadPoolTaskExecutor catalogReconcileExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("catalog-reconcile-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(0);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }

    @Bean
    SchedulingConfigurer reconcileSchedule(
            Reconciliations reconciliations,
            ThreadPoolTaskExecutor catalogReconcileExecutor,
            ReconcileProperties properties) {
        return registrar -> {
            if (properties.enabled()) {
                // the first pass one interval after start: a starting instance has enough to do, and the cursors
                // make the pass whenever it comes read everything since the last one
                registrar.addFixedDelayTask(new FixedDelayTask(
                        () -> {
                            try {
                                catalogReconcileExecutor.execute(reconciliations::reconcileAll);
                            } catch (TaskRejectedException stillRunning) {
                                // the previous pass is still going; it reads up to now anyway
                            }
                        },
                        properties.interval(),
                        properties.interval()));
            }
        };
    }
}
