/**
 * Payments: PaymentIntents and their charges, their projections, the payment query and its views.
 */
@NullMarked
package io.paystream.worker.payment;

import org.jspecify.annotations.NullMarked;
