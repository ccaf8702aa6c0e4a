/**
 * The whole stack as users run it ({@code ./paystream up}), measured end to end with the peer's six-type mix: see
 * {@link io.paystream.bench.stack.StackBenchmark} and bench/README.md.
 */
@NullMarked
package io.paystream.bench.stack;

import org.jspecify.annotations.NullMarked;
