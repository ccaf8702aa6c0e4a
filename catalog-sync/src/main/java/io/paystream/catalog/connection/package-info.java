/**
 * Customers' Stripe connections. This package is the feature's shared language, used by every sub-package and
 * depending on none of them: the stored {@link io.paystream.catalog.connection.Connection} and its status, how a
 * status is derived from a Stripe account ({@link io.paystream.catalog.connection.AccountStatusRules}), the problems a
 * request can be refused with, the properties and the meters. The jobs live in sub-packages, each package-private but
 * for the one or two types another sub-package calls:
 *
 * <ul>
 *   <li>{@code outbox}: the Kafka records a change announces, written with the change and relayed afterwards;
 *   <li>{@code store}: the MongoDB collection, reading and listing, administrators' changes, secret re-encryption,
 *       and the connections' catalogs for the sync;
 *   <li>{@code keys}: connecting by pasted API keys (validation, masking) and the Stripe API calls;
 *   <li>{@code onboarding}: Stripe Connect onboarding and {@code account.updated} events;
 *   <li>{@code web}: the admin API and its problem details.
 * </ul>
 *
 * Dependencies point one way: {@code web} → {@code onboarding} → {@code keys} → {@code store} → {@code outbox} → this
 * package.
 */
@NullMarked
package io.paystream.catalog.connection;

import org.jspecify.annotations.NullMarked;
