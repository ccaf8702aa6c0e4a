/** How this service reaches the Stripe API: its properties, keys, and guarded clients. */
@NullMarked
package io.paystream.catalog.stripe;

import org.jspecify.annotations.NullMarked;
