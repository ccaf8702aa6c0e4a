/**
 * Connected accounts: their onboarding state, its projection and the onboarding query.
 */
@NullMarked
package io.paystream.worker.account;

import org.jspecify.annotations.NullMarked;
