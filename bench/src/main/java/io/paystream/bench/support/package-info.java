/** What the benchmarks share: child processes, load tools, signed events, Prometheus scrapes. */
@NullMarked
package io.paystream.bench.support;

import org.jspecify.annotations.NullMarked;
