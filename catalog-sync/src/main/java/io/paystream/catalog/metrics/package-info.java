/** The catalog sync's meters. */
@NullMarked
package io.paystream.catalog.metrics;

import org.jspecify.annotations.NullMarked;
