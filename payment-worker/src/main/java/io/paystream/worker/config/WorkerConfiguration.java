package io.paystream.worker.config;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.worker.apply.AggregateIndexes;
import io.paystream.worker.apply.ObjectRefetcher;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StripeEventApplier;
import io.paystream.worker.metrics.WorkerMetrics;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** Wires the engine, which itself stays free of Spring; its outbox is {@link OutboxConfiguration}'s. */
@Configuration(proxyBeanMethods = false)
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
}
