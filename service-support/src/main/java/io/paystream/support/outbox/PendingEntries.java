package io.paystream.support.outbox;

import java.util.List;

/**
 * Entries of one document to relay: what the write that added them returns, or what a sweeper pass found.
 *
 * @param collection the document's collection
 * @param documentId the document's {@code _id}
 * @param entries the entries to publish and then pull from that document, nothing else of its outbox
 */
public record PendingEntries(String collection, String documentId, List<OutboxEntry> entries) {

    public PendingEntries {
        entries = List.copyOf(entries);
    }
}
