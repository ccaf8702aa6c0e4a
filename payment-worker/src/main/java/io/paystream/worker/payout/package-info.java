/**
 * Payouts: their projection, query and views.
 */
@NullMarked
package io.paystream.worker.payout;

import org.jspecify.annotations.NullMarked;
