package io.paystream.emulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/** The payment-object changes a test makes directly: placing an object, and sending a thin event about one. */
final class PaymentWrites {

    private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP = new TypeReference<>() {};

    private PaymentWrites() {}

    static void serve(Store store, Account account, boolean livemode, String collection, String objectJson) {
        PaymentKind kind = PaymentKind.ofCollection(collection)
                .orElseThrow(
                        () -> new IllegalArgumentException(collection + " is not one of " + PaymentKind.collections()));
        LinkedHashMap<String, @Nullable Object> object = SeedTemplates.JSON.readValue(objectJson, MAP);
        if (!(object.get("id") instanceof String id)) {
            throw new IllegalArgumentException("the object has no string id");
        }
        long created = object.get("created") instanceof Number number ? number.longValue() : store.now();
        store.data(account.id, livemode).payments.of(kind).put(id, store.ids.nextSequence(), created, object);
    }

    static EmulatedEvent sendThinEvent(
            Store store, Account account, boolean livemode, String objectType, String objectId) {
        ThinEvent event = ThinEvent.of(
                Ids.id("evt_", store.ids.nextSequence()),
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                livemode,
                account.isConnected() ? account.id : null,
                objectType,
                objectId);
        store.deliver(account, livemode, event);
        return new EmulatedEvent(event.id(), event.type(), objectType, objectId);
    }
}
