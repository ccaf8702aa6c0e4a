/**
 * The apply engine: event preparation, the per-aggregate fold and its order rules, and the applier that reads, writes
 * and retries. Free of Spring.
 */
@NullMarked
package io.paystream.worker.apply;

import org.jspecify.annotations.NullMarked;
