/** Product and price events from {@code stripe.events}, applied between full syncs. */
@NullMarked
package io.paystream.catalog.event;

import org.jspecify.annotations.NullMarked;
