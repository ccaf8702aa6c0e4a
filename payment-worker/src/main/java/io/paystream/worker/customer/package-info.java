/**
 * Customers: their projection and query.
 */
@NullMarked
package io.paystream.worker.customer;

import org.jspecify.annotations.NullMarked;
