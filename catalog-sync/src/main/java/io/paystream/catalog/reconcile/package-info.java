/**
 * Reconciliation against Stripe's Events API: per account and mode, every event since a durable cursor is read oldest
 * first and published to {@code stripe.events} (source {@code reconciliation}) for the services that apply events, so
 * a webhook Stripe gave up on is still applied; a gap older than Stripe's retention falls back to a backfill.
 */
@NullMarked
package io.paystream.catalog.reconcile;

import org.jspecify.annotations.NullMarked;
