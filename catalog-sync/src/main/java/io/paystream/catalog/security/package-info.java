/** The admin API token and the encryption of secrets at rest. */
@NullMarked
package io.paystream.catalog.security;

import org.jspecify.annotations.NullMarked;
