package io.paystream.catalog.backfill;

import io.paystream.catalog.kafka.AcknowledgedProducers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The backfill's threads, its producer and its schedule. On shutdown running backfills are interrupted: they stop
 * before the next page, record themselves {@code partial} or {@code failed} if MongoDB is still there, and otherwise
 * stay {@code running} until the next run of the target marks them abandoned and continues from their cursors.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackfillProperties.class)
class BackfillConfiguration {

    @Bean
    static ThreadPoolTaskExecutor catalogBackfillExecutor(BackfillProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("catalog-backfill-");
        executor.setCorePoolSize(properties.parallelism());
        executor.setMaxPoolSize(properties.parallelism());
        executor.setQueueCapacity(10_000);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }

    /**
     * A producer of its own (String keys, the record bytes, acks=all, idempotent), so Spring Boot's auto-configured
     * one stays as it is; not a bean, closed with the publisher.
     */
    @Bean
    FetchedObjectPublisher fetchedObjectPublisher(
            KafkaProperties kafka, KafkaConnectionDetails connection, BackfillProperties properties) {
        return new FetchedObjectPublisher(
                AcknowledgedProducers.factory(kafka, connection, properties.publishTimeout(), 5),
                properties.publishTimeout());
    }

    @Bean
    SchedulingConfigurer backfillSchedule(Backfills backfills, BackfillProperties properties) {
        return registrar -> {
            if (properties.schedule().enabled()) {
                registrar.addCronTask(
                        backfills::backfillAllScheduled, properties.schedule().cron());
            }
        };
    }
}
