/** Reading Kafka records as every service's listeners and error handlers do. */
@NullMarked
package io.paystream.support.kafka;

import org.jspecify.annotations.NullMarked;
