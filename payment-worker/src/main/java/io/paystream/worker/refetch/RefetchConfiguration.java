package io.paystream.worker.refetch;

import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.worker.apply.ObjectRefetcher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Refetch mode is on when a key is configured for a mode; otherwise ties are broken by event id alone. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RefetchProperties.class)
class RefetchConfiguration {

    @Bean
    ObjectRefetcher objectRefetcher(RefetchProperties properties, MeterRegistry meters) {
        return properties.enabled() ? new StripeApiRefetcher(properties, meters) : ObjectRefetcher.NONE;
    }
}
