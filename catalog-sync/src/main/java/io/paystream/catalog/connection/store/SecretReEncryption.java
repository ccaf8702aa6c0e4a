package io.paystream.catalog.connection.store;

import io.paystream.catalog.connection.Connection;
import io.paystream.catalog.connection.ConnectionMetrics;
import io.paystream.catalog.connection.outbox.ConnectionEvents;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.support.outbox.OutboxEntry;
import io.paystream.support.outbox.OutboxSweeper;
import io.paystream.support.outbox.PendingEntries;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key rotation, second half: after the active key changed (and the old key stays configured), moves every envelope
 * still written with another key to the active one, and republishes the endpoint registration so webhook-ingest's
 * copy moves too. Runs at start-up, on a schedule and on demand; each connection is one conditional update, so
 * concurrent runs (several instances) do no harm. Once it reports nothing left, the old key can be removed from both
 * services.
 */
public class SecretReEncryption {

    private static final Logger log = LoggerFactory.getLogger(SecretReEncryption.class);
    private static final int BATCH = 100;

    private final ConnectionStore store;
    private final OutboxSweeper outbox;
    private final ConnectionEvents events;
    private final SecretCipher cipher;
    private final ConnectionMetrics metrics;
    private final Clock clock;

    SecretReEncryption(
            ConnectionStore store,
            OutboxSweeper outbox,
            ConnectionEvents events,
            SecretCipher cipher,
            ConnectionMetrics metrics,
            Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.cipher = cipher;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Returns how many connections were moved to the active key. */
    public int run() {
        int moved = 0;
        List<Connection> batch;
        List<String> failed = new ArrayList<>();
        do {
            batch = store.encryptedWithOtherKey(cipher.activeKeyId(), BATCH).stream()
                    .filter(connection -> !failed.contains(connection.id()))
                    .toList();
            for (Connection connection : batch) {
                try {
                    if (reEncrypt(connection)) {
                        moved++;
                    }
                } catch (RuntimeException e) {
                    // e.g. the old key is no longer configured: say which connection, never the envelope
                    failed.add(connection.id());
                    log.error("cannot re-encrypt the secrets of {}: {}", connection.id(), e.getMessage());
                }
            }
        } while (!batch.isEmpty());
        if (moved > 0) {
            log.info("re-encrypted the secrets of {} connections with key {}", moved, cipher.activeKeyId());
            metrics.reEncrypted(moved);
        }
        return moved;
    }

    private boolean reEncrypt(Connection current) {
        // found by its cipherKeyId, so it has secrets
        Connection.Secrets old = Objects.requireNonNull(current.secrets());
        Connection.Secrets renewed = new Connection.Secrets(
                cipher.encrypt(cipher.decrypt(old.secretKeyEnvelope())),
                cipher.encrypt(cipher.decrypt(old.webhookSecretEnvelope())),
                cipher.activeKeyId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Connection next = current.withSecrets(renewed, now);
        List<OutboxEntry> entries = List.of(events.registration(next, now));
        Optional<PendingEntries> written = store.update(current, next, entries);
        if (written.isEmpty()) {
            return false; // changed meanwhile (maybe disconnected); the next pass looks again
        }
        outbox.relayOrSweepLater(List.of(written.get()));
        return true;
    }
}
