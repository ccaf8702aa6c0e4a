/**
 * The Kafka records a connection change announces: status-change domain events for {@code payments.events} and
 * endpoint registrations for {@code paystream.webhook-endpoints}. They are written into the connection's own document
 * in the same update as the change ({@link io.paystream.catalog.connection.outbox.OutboxStore}), then relayed and
 * pulled; a sweeper publishes what a crash or an outage left behind.
 */
@NullMarked
package io.paystream.catalog.connection.outbox;

import org.jspecify.annotations.NullMarked;
