package io.paystream.catalog;

import io.paystream.testsupport.EmbeddedMongoServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The embedded Mongo wire server as a bean of the (cached) test context, stopped with it: stopping it in an
 * {@code @AfterAll} would leave the cached context's scheduled tasks hanging on a dead server.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedMongoConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    EmbeddedMongoServer embeddedMongoServer() {
        return EmbeddedMongoServer.inMemory();
    }

    @Bean
    DynamicPropertyRegistrar embeddedMongoUri(EmbeddedMongoServer server) {
        return registry -> registry.add("spring.mongodb.uri", () -> server.connectionString("paystream"));
    }
}
