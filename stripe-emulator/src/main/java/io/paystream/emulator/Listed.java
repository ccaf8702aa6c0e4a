package io.paystream.emulator;

/** An object that appears in a Stripe list: ordered newest first, then by id (see {@link Ids}). */
abstract class Listed {

    final String id;
    final long sequence;
    final long created;

    Listed(String id, long sequence, long created) {
        this.id = id;
        this.sequence = sequence;
        this.created = created;
    }

    final String id() {
        return id;
    }

    final long created() {
        return created;
    }

    final long sequence() {
        return sequence;
    }

    abstract JsonMap render();
}
