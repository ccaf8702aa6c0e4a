package io.paystream.worker.config;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.worker.apply.AggregateIndexes;
import io.paystream.worker.apply.ObjectRefetcher;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StripeEventApplier;
import io.paystream.worker.metrics.WorkerMetrics;
import io.paystream.worker.outbox.OutboxRelay;
import io.paystream.worker.outbox.OutboxSweeper;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/** Wires the engine, the outbox relay and its sweeper; the engine itself stays free of Spring. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(WorkerProperties.class)
class WorkerConfiguration {

    private final WorkerProperties properties;

    WorkerConfiguration(WorkerProperties properties) {
        this.properties = properties;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WorkerMetrics workerMetrics(MeterRegistry registry) {
        return new WorkerMetrics(registry);
    }

    @Bean
    MongoDatabase paystreamDatabase(MongoDatabaseFactory factory) {
        return factory.getMongoDatabase();
    }

    @Bean
    StripeEventApplier stripeEventApplier(
            MongoDatabase database,
            List<Projection> projections,
            WorkerMetrics metrics,
            Clock clock,
            ObjectRefetcher refetcher) {
        AggregateIndexes.ensure(database, projections);
        return new StripeEventApplier(
                database,
                projections,
                metrics,
                clock,
                properties.apply().recentEventIds(),
                properties.apply().maxAttempts(),
                refetcher);
    }

    @Bean
    OutboxRelay outboxRelay(KafkaTemplate<String, byte[]> kafka, MongoDatabase database) {
        return new OutboxRelay(kafka, database, properties.outbox().publishTimeout());
    }

    @Bean
    OutboxSweeper outboxSweeper(
            MongoDatabase database,
            List<Projection> projections,
            OutboxRelay relay,
            WorkerMetrics metrics,
            Clock clock) {
        return new OutboxSweeper(
                database,
                projections.stream().map(Projection::collection).toList(),
                relay,
                metrics,
                clock,
                properties.outbox().minAge(),
                properties.outbox().sweepBatch());
    }

    @Bean
    SchedulingConfigurer outboxSweepSchedule(OutboxSweeper sweeper) {
        return registrar -> {
            registrar.addFixedDelayTask(
                    sweeper::sweepIfNeeded, properties.outbox().sweepInterval());
            registrar.addFixedRateTask(sweeper::sweepNeeded, properties.outbox().fullSweepInterval());
        };
    }

    /**
     * Partitions that move here may come from an instance that died between a state write and its relay: its entries
     * are swept now rather than at the next full sweep.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> sweepOnPartitionsAssigned(
            OutboxSweeper sweeper) {
        return container -> container
                .getContainerProperties()
                .setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        if (!partitions.isEmpty()) {
                            sweeper.sweepNeeded();
                        }
                    }
                });
    }
}
