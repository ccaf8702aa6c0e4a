package io.paystream.catalog.connection.keys;

import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.catalog.connection.ConnectionProperties;
import io.paystream.catalog.connection.outbox.ConnectionEvents;
import io.paystream.catalog.connection.store.ConnectionStore;
import io.paystream.catalog.stripe.StripeApiProperties;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.support.outbox.OutboxRelay;
import io.paystream.support.outbox.OutboxSweeper;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires connecting by keys, the Stripe gateway and the removal of key connections' webhook endpoints. */
@Configuration(proxyBeanMethods = false)
class KeyConnectionConfiguration {

    private final Clock clock;

    KeyConnectionConfiguration(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Bean
    StripeGateway connectionStripeGateway(StripeApiProperties stripe) {
        return new StripeGateway(stripe);
    }

    @Bean
    KeyConnections keyConnections(
            StripeGateway stripe,
            ConnectionStore store,
            OutboxRelay outbox,
            ConnectionEvents events,
            SecretCipher cipher,
            ConnectionProperties properties,
            ConnectionMetrics metrics) {
        return new KeyConnections(stripe, store, outbox, events, cipher, properties, metrics, clock);
    }

    @Bean
    KeyEndpointChecks keyEndpointChecks(
            StripeGateway stripe,
            ConnectionStore store,
            OutboxSweeper outbox,
            ConnectionEvents events,
            SecretCipher cipher,
            ConnectionProperties properties,
            MeterRegistry registry) {
        return new KeyEndpointChecks(stripe, store, outbox, events, cipher, properties, registry, clock);
    }

    @Bean
    KeyWebhookEndpoints keyWebhookEndpoints(StripeGateway stripe, SecretCipher cipher) {
        return new KeyWebhookEndpoints(stripe, cipher);
    }
}
