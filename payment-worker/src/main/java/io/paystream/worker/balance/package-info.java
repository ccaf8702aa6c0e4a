/**
 * Per-account balances: their projection and query.
 */
@NullMarked
package io.paystream.worker.balance;

import org.jspecify.annotations.NullMarked;
