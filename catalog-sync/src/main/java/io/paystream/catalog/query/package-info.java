/** The read API of the synced catalog ({@code /api/catalog/products}). */
@NullMarked
package io.paystream.catalog.query;

import org.jspecify.annotations.NullMarked;
