package io.paystream.support.outbox;

/**
 * What the last sweeper pass left in the outbox: entries older than the minimum age that are still not published
 * (Kafka or MongoDB failing, or an entry that cannot be read), and the documents holding them. Counted within what a
 * pass reads ({@code batchSize} documents per collection), so a lower bound when the backlog is larger; a collection
 * that could not be read at all keeps its count from the pass before. Young entries are not counted: they belong to
 * the relay of the write that added them.
 *
 * @param documents documents with at least one such entry
 * @param entries such entries
 */
public record OutboxBacklog(long documents, long entries) {

    public static final OutboxBacklog NONE = new OutboxBacklog(0, 0);

    public OutboxBacklog plus(OutboxBacklog other) {
        return new OutboxBacklog(documents + other.documents, entries + other.entries);
    }
}
