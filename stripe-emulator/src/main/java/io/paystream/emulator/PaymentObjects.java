package io.paystream.emulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One account's payment objects in one mode, by kind, and its balance. Guarded by the store's lock. */
final class PaymentObjects {

    private final Map<PaymentKind, PaymentIndex> indexes = new EnumMap<>(PaymentKind.class);

    /** The last balance a lifecycle sent ({@code balance.available}); null until then. */
    @Nullable
    Map<String, @Nullable Object> balance;

    PaymentObjects() {
        for (PaymentKind kind : PaymentKind.values()) {
            indexes.put(kind, new PaymentIndex());
        }
    }

    PaymentIndex of(PaymentKind kind) {
        return indexes.get(kind);
    }

    void add(SeededPayments seeded) {
        seeded.blocks().forEach(block -> of(block.kind).add(block));
    }

    /** A zero balance in the account's currency, as a new Stripe account has. */
    static JsonMap emptyBalance(String currency, boolean livemode) {
        JsonMap zero = new JsonMap()
                .with("amount", 0)
                .with("currency", currency)
                .with("source_types", new JsonMap().with("card", 0));
        return new JsonMap()
                .with("object", "balance")
                .with("available", List.of(zero))
                .with(
                        "connect_reserved",
                        List.of(new JsonMap().with("amount", 0).with("currency", currency)))
                .with("livemode", livemode)
                .with("pending", List.of(zero));
    }
}
