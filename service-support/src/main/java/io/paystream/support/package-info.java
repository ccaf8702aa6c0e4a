/**
 * What every Paystream service would otherwise write again, in one copy: RFC 9457 problem details with one
 * {@code type} URI scheme ({@code problem}), the {@code paystream.crypto.*} keys and their {@code SecretCipher}
 * ({@code crypto}), the MongoDB outbox with its relay and sweeper ({@code outbox}), and a Kafka record's header read
 * as text ({@code kafka}). Spring is allowed here; shared-events, which downstream consumers read, stays free of it.
 */
@NullMarked
package io.paystream.support;

import org.jspecify.annotations.NullMarked;
