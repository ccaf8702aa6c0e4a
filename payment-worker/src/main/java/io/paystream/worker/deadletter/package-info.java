/**
 * Replay of dead-lettered Stripe events.
 */
@NullMarked
package io.paystream.worker.deadletter;

import org.jspecify.annotations.NullMarked;
