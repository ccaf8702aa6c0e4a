/**
 * The transactional outbox of a single-document write: Kafka records wait in an {@code outbox} array inside the very
 * document whose change they announce, written in the same update, then an {@link io.paystream.support.outbox.OutboxRelay}
 * publishes them, waits for every acknowledgement and pulls them, and an {@link io.paystream.support.outbox.OutboxSweeper}
 * publishes what a crash or an outage left behind. At least once, never lost; consumers de-duplicate by id.
 */
@NullMarked
package io.paystream.support.outbox;

import org.jspecify.annotations.NullMarked;
