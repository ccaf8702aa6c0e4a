package io.paystream.emulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A payment object's current state as Stripe last sent it (an enacted lifecycle's latest {@code data.object}, or
 * one a test placed). Immutable: a newer state replaces the whole object, keeping its list position.
 */
final class StoredObject extends PaymentObject {

    private final Map<String, @Nullable Object> json;

    StoredObject(String id, long sequence, long created, Map<String, @Nullable Object> json) {
        super(id, sequence, created);
        this.json = json;
    }

    @Override
    @Nullable
    String field(String path) {
        return field(json, path);
    }

    @Override
    JsonMap render() {
        return new JsonMap(json);
    }
}
