/**
 * The Kafka listener that hands polled batches of Stripe events to the engine and relays their domain events.
 */
@NullMarked
package io.paystream.worker.ingest;

import org.jspecify.annotations.NullMarked;
