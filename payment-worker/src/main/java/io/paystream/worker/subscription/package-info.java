/**
 * Subscriptions: their projection, query and views.
 */
@NullMarked
package io.paystream.worker.subscription;

import org.jspecify.annotations.NullMarked;
