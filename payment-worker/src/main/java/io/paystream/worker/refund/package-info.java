/**
 * Refunds: their projection and the view payments show them in.
 */
@NullMarked
package io.paystream.worker.refund;

import org.jspecify.annotations.NullMarked;
