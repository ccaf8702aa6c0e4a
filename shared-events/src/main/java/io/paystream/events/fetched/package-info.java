/**
 * Objects read from Stripe's API, sent through {@link io.paystream.events.Topics#STRIPE_FETCHED}, keyed like the
 * events, so that the one writer of each object applies them with the same order rules: {@link FetchedObject}.
 */
@NullMarked
package io.paystream.events.fetched;

import org.jspecify.annotations.NullMarked;
