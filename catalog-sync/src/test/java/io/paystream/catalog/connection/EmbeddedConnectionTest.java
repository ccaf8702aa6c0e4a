package io.paystream.catalog.connection;

import io.paystream.testsupport.kafka.TestKafkaConfiguration;
import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application against test-support's shared embedded Kafka broker, an embedded MongoDB wire server and the
 * Stripe emulator; one cached context for every class carrying it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({EmbeddedMongoTestConfiguration.class, TestKafkaConfiguration.class})
@ContextConfiguration(initializers = EmbeddedInfrastructure.class)
@interface EmbeddedConnectionTest {}
