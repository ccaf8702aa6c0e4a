/** Contracts of the Stripe event topics: topic names, Kafka headers and the records that carry them. */
@NullMarked
package io.paystream.events;

import org.jspecify.annotations.NullMarked;
