/**
 * Wiring of the engine, outbox, retries and dead-lettering; the typed worker properties.
 */
@NullMarked
package io.paystream.worker.config;

import org.jspecify.annotations.NullMarked;
