/**
 * The outbox relay and its sweeper: domain events from aggregate documents to payments.events.
 */
@NullMarked
package io.paystream.worker.outbox;

import org.jspecify.annotations.NullMarked;
