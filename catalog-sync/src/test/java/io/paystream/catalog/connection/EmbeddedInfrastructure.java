package io.paystream.catalog.connection;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The application against a real Kafka broker process and the embedded MongoDB wire server. */
class EmbeddedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "connection-test-infrastructure",
                        new java.util.LinkedHashMap<>(SharedInfrastructure.applicationProperties(
                                SharedInfrastructure.kafkaBootstrap(), SharedInfrastructure.mongoUri("paystream")))));
    }
}
