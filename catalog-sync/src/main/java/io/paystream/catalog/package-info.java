/** catalog-sync: what every feature shares (catalog properties, the MongoDB database and clock, problem details of the catalog API). */
@NullMarked
package io.paystream.catalog;

import org.jspecify.annotations.NullMarked;
