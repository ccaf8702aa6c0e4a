/** Publishing verified events to Kafka: acknowledged delivery, bounded waits, the circuit breaker. */
@NullMarked
package io.paystream.ingest.publish;

import org.jspecify.annotations.NullMarked;
