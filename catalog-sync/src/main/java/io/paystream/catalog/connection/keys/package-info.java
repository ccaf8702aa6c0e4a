/**
 * Connecting by pasted API keys: each key parsed, checked and masked before anything else, validated with Stripe,
 * a webhook endpoint registered on the customer's account and removed again on disconnection. Also every Stripe API
 * call the connection feature makes ({@link io.paystream.catalog.connection.keys.StripeGateway}), with the customer's
 * key or the platform's, and how their failures become problems that name the key only masked.
 */
@NullMarked
package io.paystream.catalog.connection.keys;

import org.jspecify.annotations.NullMarked;
