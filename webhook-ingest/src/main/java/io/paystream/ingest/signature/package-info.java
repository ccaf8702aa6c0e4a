/** Stripe-Signature headers, checked on the raw request bytes. */
@NullMarked
package io.paystream.ingest.signature;

import org.jspecify.annotations.NullMarked;
