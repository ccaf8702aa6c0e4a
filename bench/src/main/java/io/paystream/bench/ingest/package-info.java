/** The webhook-ingest benchmark and the producer ceiling it is measured against. */
@NullMarked
package io.paystream.bench.ingest;

import org.jspecify.annotations.NullMarked;
