package io.paystream.worker.config;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.events.Topics;
import io.paystream.support.outbox.BackgroundRelay;
import io.paystream.support.outbox.OutboxBacklogGauge;
import io.paystream.support.outbox.OutboxCollection;
import io.paystream.support.outbox.OutboxRelay;
import io.paystream.support.outbox.OutboxSweeper;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.metrics.WorkerMetrics;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * The domain-event outbox: service-support's relay and sweeper over every projection's collection. Entries stored
 * before the worker used service-support name no topic and no key; the sweeper reads them as {@code payments.events}
 * keyed by the document's {@code _id}, which is where and how they were always published.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxConfiguration {

    private final WorkerProperties.Outbox properties;

    OutboxConfiguration(WorkerProperties properties) {
        this.properties = properties.outbox();
    }

    @Bean
    OutboxRelay outboxRelay(KafkaTemplate<String, byte[]> kafka, MongoDatabase database) {
        return new OutboxRelay(kafka, database, properties.publishTimeout());
    }

    @Bean
    OutboxSweeper outboxSweeper(
            MongoDatabase database,
            List<Projection> projections,
            OutboxRelay relay,
            MeterRegistry registry,
            Clock clock) {
        OutboxBacklogGauge backlog = OutboxBacklogGauge.entries(
                registry,
                WorkerMetrics.OUTBOX_BACKLOG,
                "Domain events written to MongoDB over min-age ago and not yet confirmed on Kafka, as the last"
                        + " sweeper pass counted them");
        return new OutboxSweeper(
                database,
                projections.stream()
                        .map(projection -> new OutboxCollection(projection.collection(), Topics.PAYMENTS_EVENTS))
                        .toList(),
                relay,
                backlog,
                clock,
                properties.minAge(),
                properties.sweepBatch());
    }

    /** The consumer thread hands each batch's entries to this and polls the next batch meanwhile. */
    @Bean(destroyMethod = "close")
    BackgroundRelay backgroundRelay(OutboxSweeper sweeper, MeterRegistry registry) {
        BackgroundRelay relay = new BackgroundRelay(sweeper, properties.relayQueue(), "outbox-relay");
        Gauge.builder(WorkerMetrics.OUTBOX_RELAY_WAITING, relay, BackgroundRelay::waiting)
                .description("Applied batches whose domain events are waiting for the outbox relay thread")
                .register(registry);
        return relay;
    }

    @Bean
    SchedulingConfigurer outboxSweepSchedule(OutboxSweeper sweeper) {
        return sweeper.schedule(properties.sweepInterval(), properties.fullSweepInterval());
    }

    /**
     * Partitions that move here may come from an instance that died between a state write and its relay: its entries
     * are swept now rather than at the next full sweep. Partitions that move away wait for this instance's relays
     * first, so their next owner's domain events follow the ones relayed here.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> outboxOnRebalance(
            OutboxSweeper sweeper, BackgroundRelay relay) {
        return container -> container
                .getContainerProperties()
                .setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        if (!partitions.isEmpty()) {
                            sweeper.sweepNeeded();
                        }
                    }

                    @Override
                    public void onPartitionsRevokedBeforeCommit(
                            Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                        if (!partitions.isEmpty()) {
                            relay.drain(properties.publishTimeout());
                        }
                    }
                });
    }
}
