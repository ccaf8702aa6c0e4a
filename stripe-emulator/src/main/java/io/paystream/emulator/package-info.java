/** A Stripe API emulator for tests and the local stack; see {@code stripe-emulator/README.md}. */
@NullMarked
package io.paystream.emulator;

import org.jspecify.annotations.NullMarked;
