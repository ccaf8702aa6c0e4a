/** The domain-event feed on {@code payments.events}: the CloudEvents envelope ({@link io.paystream.events.domain.DomainEvent}), its types, one record per type for {@code data} ({@link io.paystream.events.domain.DomainEventData}) and the reader for consumers ({@link io.paystream.events.domain.DomainEvents}). */
@NullMarked
package io.paystream.events.domain;

import org.jspecify.annotations.NullMarked;
