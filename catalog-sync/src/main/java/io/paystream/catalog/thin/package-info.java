/**
 * Thin events ({@code v2.core.event}): each is resolved by fetching its related object with the event's account
 * context and publishing the answer to {@code stripe.fetched} as a fetched object (source {@code thin_event}), which
 * the owning service applies like a backfilled object.
 */
@NullMarked
package io.paystream.catalog.thin;

import org.jspecify.annotations.NullMarked;
