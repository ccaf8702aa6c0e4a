/** The catalog-sync benchmark against the Stripe emulator. */
@NullMarked
package io.paystream.bench.catalog;

import org.jspecify.annotations.NullMarked;
