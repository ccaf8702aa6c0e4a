/**
 * Disputes: their projection and the view payments show them in.
 */
@NullMarked
package io.paystream.worker.dispute;

import org.jspecify.annotations.NullMarked;
