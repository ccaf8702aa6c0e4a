package io.paystream.catalog.connection;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * What every part of the connection feature shares: its properties and its meters. Each sub-package wires its own
 * classes in a configuration of its own, so they stay package-private; the feature's classes stay free of Spring but
 * for those configurations, the controller, its advice and the listener method. Beans are of feature-specific types,
 * or service-support's outbox relay and sweeper (of which the catalog sync has none), so nothing here replaces a bean
 * the catalog sync relies on.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ConnectionProperties.class)
class ConnectionConfiguration {

    @Bean
    ConnectionMetrics connectionMetrics(MeterRegistry registry) {
        return new ConnectionMetrics(registry);
    }
}
