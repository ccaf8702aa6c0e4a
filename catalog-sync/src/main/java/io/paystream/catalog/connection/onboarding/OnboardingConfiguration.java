package io.paystream.catalog.connection.onboarding;

import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.catalog.connection.ConnectionProperties;
import io.paystream.catalog.connection.keys.StripeGateway;
import io.paystream.catalog.connection.outbox.ConnectionEvents;
import io.paystream.catalog.connection.store.ConnectionStore;
import io.paystream.catalog.stripe.StripeApiProperties;
import io.paystream.support.outbox.OutboxSweeper;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires Connect onboarding and the {@code account.updated} listener. */
@Configuration(proxyBeanMethods = false)
class OnboardingConfiguration {

    private final Clock clock;

    OnboardingConfiguration(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Bean
    ConnectOnboarding connectOnboarding(
            StripeGateway stripe,
            StripeApiProperties stripeProperties,
            ConnectionStore store,
            OutboxSweeper outbox,
            ConnectionEvents events,
            ConnectionProperties properties,
            ConnectionMetrics metrics) {
        return new ConnectOnboarding(stripe, stripeProperties, store, outbox, events, properties, metrics, clock);
    }

    @Bean
    AccountEvents accountEvents(
            ConnectionStore store, OutboxSweeper outbox, ConnectionEvents events, ConnectionMetrics metrics) {
        return new AccountEvents(store, outbox, events, metrics, clock);
    }

    @Bean
    AccountEventListener accountEventListener(AccountEvents accountEvents) {
        return new AccountEventListener(accountEvents);
    }
}
