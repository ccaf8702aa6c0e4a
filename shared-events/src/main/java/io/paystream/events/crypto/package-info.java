/** Secret envelopes: AES-256-GCM with rotating key ids. */
@NullMarked
package io.paystream.events.crypto;

import org.jspecify.annotations.NullMarked;
