/** The keys that decrypt runtime endpoints' signing secrets ({@code paystream.crypto.*}). */
@NullMarked
package io.paystream.ingest.crypto;

import org.jspecify.annotations.NullMarked;
