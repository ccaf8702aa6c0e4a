/**
 * Backfills: every object of an account in one mode read from Stripe's list endpoints, payment objects published to
 * {@code stripe.events} as fetched objects for payment-worker, products and prices written to the catalog; runs,
 * resumable cursors, their API, schedule and connection trigger.
 */
@NullMarked
package io.paystream.catalog.backfill;

import org.jspecify.annotations.NullMarked;
