/**
 * Stripe Connect onboarding: an account created (or linked) under the platform and the Stripe-hosted link that takes
 * its owner through onboarding. Then {@code account.updated} events, for connections of both kinds, move a
 * connection's status on by {@link io.paystream.catalog.connection.AccountStatusRules}.
 */
@NullMarked
package io.paystream.catalog.connection.onboarding;

import org.jspecify.annotations.NullMarked;
