/** The webhook endpoints served: from configuration and from the runtime registry topic. */
@NullMarked
package io.paystream.ingest.endpoint;

import org.jspecify.annotations.NullMarked;
