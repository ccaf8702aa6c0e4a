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

    /**
     * What a list page holds for this object: {@link #render}, or where that costs too much per page, the same JSON
     * already serialised, as a {@link tools.jackson.databind.util.RawValue} that Jackson writes as it is.
     */
    Object listed() {
        return render();
    }
}
