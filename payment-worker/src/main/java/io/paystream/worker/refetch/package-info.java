/**
 * Refetch mode: the current state of an object from the Stripe API, to settle same-second ties.
 */
@NullMarked
package io.paystream.worker.refetch;

import org.jspecify.annotations.NullMarked;
