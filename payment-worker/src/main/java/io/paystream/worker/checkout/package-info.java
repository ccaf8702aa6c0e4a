/**
 * Checkout Sessions: their projection (no query of their own).
 */
@NullMarked
package io.paystream.worker.checkout;

import org.jspecify.annotations.NullMarked;
