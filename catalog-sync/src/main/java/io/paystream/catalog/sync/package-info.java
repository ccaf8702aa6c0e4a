/** Full syncs of every target (account and mode): runs, locks, heartbeats and their API. */
@NullMarked
package io.paystream.catalog.sync;

import org.jspecify.annotations.NullMarked;
