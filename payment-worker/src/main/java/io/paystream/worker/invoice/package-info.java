/**
 * Invoices: their projection, query and views.
 */
@NullMarked
package io.paystream.worker.invoice;

import org.jspecify.annotations.NullMarked;
