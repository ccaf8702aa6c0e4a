package io.paystream.testsupport.mongo;

import io.paystream.testsupport.EmbeddedMongoServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * An in-memory embedded MongoDB wire server for a Spring test context, with {@code spring.mongodb.uri} pointing at
 * its database {@value #DATABASE}: {@code @Import} it. One server per context, started and stopped with it (Spring
 * caches the context across test classes with the same configuration, and the server with it).
 *
 * <p>The server is a bean stopped by {@code shutdownNow} when the context closes, never by the test: stopped in an
 * {@code @AfterAll}, it would leave the cached context's scheduled jobs (outbox sweeper, lock renewals) retrying
 * against a dead server, and the JVM's exit waiting 30 s for them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedMongoTestConfiguration {

    /** The database every service's tests use. */
    public static final String DATABASE = "paystream";

    /** Injectable, e.g. for a test's own {@code MongoClient}: {@code server.connectionString(DATABASE)}. */
    @Bean(destroyMethod = "shutdownNow")
    EmbeddedMongoServer embeddedMongoServer() {
        return EmbeddedMongoServer.inMemory();
    }

    @Bean
    DynamicPropertyRegistrar embeddedMongoUri(EmbeddedMongoServer server) {
        return registry -> registry.add("spring.mongodb.uri", () -> server.connectionString(DATABASE));
    }
}
