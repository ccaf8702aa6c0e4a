/**
 * The {@code paystream.crypto.*} keys, read once, and the {@link io.paystream.events.crypto.SecretCipher} built from
 * them: catalog-sync encrypts signing secrets and API keys with it, webhook-ingest decrypts, so both must read the
 * keys by the same rules.
 */
@NullMarked
package io.paystream.support.crypto;

import org.jspecify.annotations.NullMarked;
