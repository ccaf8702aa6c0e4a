/**
 * Kafka in tests: one embedded KRaft broker per test JVM ({@link io.paystream.testsupport.kafka.TestKafka}), the
 * Spring configuration that points a context at it, and a reader of whole topics. Tests that kill or restart a broker
 * use {@link io.paystream.testsupport.KafkaBrokerProcess} instead.
 */
@NullMarked
package io.paystream.testsupport.kafka;

import org.jspecify.annotations.NullMarked;
