/** The payment-worker benchmark: applied rate and end-to-end latency. */
@NullMarked
package io.paystream.bench.worker;

import org.jspecify.annotations.NullMarked;
