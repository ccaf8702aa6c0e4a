/** The webhook ingest: the application and its own settings. Feature packages depend on this one, never the other way. */
@NullMarked
package io.paystream.ingest;

import org.jspecify.annotations.NullMarked;
