/**
 * The payment-worker service: applies Stripe events to MongoDB state and publishes the domain-event feed.
 */
@NullMarked
package io.paystream.worker;

import org.jspecify.annotations.NullMarked;
