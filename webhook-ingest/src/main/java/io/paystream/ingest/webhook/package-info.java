/** The webhook request: filter, verification, parsing, publishing and the answer Stripe gets. */
@NullMarked
package io.paystream.ingest.webhook;

import org.jspecify.annotations.NullMarked;
