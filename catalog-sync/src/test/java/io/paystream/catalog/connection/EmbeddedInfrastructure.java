package io.paystream.catalog.connection;

import java.util.LinkedHashMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The application's settings for the embedded variant ({@link EmbeddedConnectionTest}), whose MongoDB and Kafka come
 * from test-support's configurations. Creates the topics on the shared broker before the context starts its consumers.
 */
class EmbeddedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        SharedInfrastructure.embeddedKafka();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "connection-test-infrastructure",
                        new LinkedHashMap<>(SharedInfrastructure.applicationProperties())));
    }
}
