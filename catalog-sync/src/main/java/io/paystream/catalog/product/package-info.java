/** The stored catalog: product and price documents, their order rule, how they are written, and sellable verdicts. */
@NullMarked
package io.paystream.catalog.product;

import org.jspecify.annotations.NullMarked;
