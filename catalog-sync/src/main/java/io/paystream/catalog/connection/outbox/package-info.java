/**
 * The Kafka records a connection change announces: status-change domain events for {@code payments.events}
 * ({@link io.paystream.catalog.connection.outbox.ConnectionEvents}) and endpoint registrations for
 * {@code paystream.webhook-endpoints}. They are written into the connection's own document in the same update as the
 * change, as service-support's {@link io.paystream.support.outbox.OutboxEntry}s, then relayed and pulled by its
 * {@link io.paystream.support.outbox.OutboxRelay}, wired here on a producer of its own; the store's
 * {@link io.paystream.support.outbox.OutboxSweeper} publishes what a crash or an outage left behind.
 */
@NullMarked
package io.paystream.catalog.connection.outbox;

import org.jspecify.annotations.NullMarked;
