/**
 * The admin API's bearer token. (Encryption of secrets at rest is service-support's
 * {@link io.paystream.support.crypto.SecretCipherConfiguration}, imported by the application.)
 */
@NullMarked
package io.paystream.catalog.security;

import org.jspecify.annotations.NullMarked;
