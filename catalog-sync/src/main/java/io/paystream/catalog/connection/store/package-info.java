/**
 * The {@code connections} collection: one document per connection, carrying its outbox entries, changed only by
 * conditional single-document updates, and service-support's outbox sweeper over it. Also what reads and changes
 * connections without calling Stripe for a new one: lookups and keyset-paginated lists, switching on and off,
 * disconnecting, moving secrets to the active encryption key, and the connections' catalogs for the sync
 * ({@link io.paystream.catalog.sync.SyncTargetSource}).
 */
@NullMarked
package io.paystream.catalog.connection.store;

import org.jspecify.annotations.NullMarked;
