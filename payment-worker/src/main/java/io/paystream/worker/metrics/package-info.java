/**
 * The worker's Micrometer meters.
 */
@NullMarked
package io.paystream.worker.metrics;

import org.jspecify.annotations.NullMarked;
