/** A bare Spring MVC endpoint: the ceiling any HTTP ingest on this machine works under. */
@NullMarked
package io.paystream.bench.bare;

import org.jspecify.annotations.NullMarked;
