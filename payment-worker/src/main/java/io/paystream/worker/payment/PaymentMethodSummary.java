package io.paystream.worker.payment;

import static io.paystream.worker.apply.Fields.number;
import static io.paystream.worker.apply.Fields.text;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The only card data the platform keeps: brand, last 4 digits, expiry. Everything else in a payment method (and
 * anything resembling a full number) is never read.
 */
final class PaymentMethodSummary {

    private PaymentMethodSummary() {}

    /** From a payment method object or a charge's {@code payment_method_details}; null when there is no card. */
    static @Nullable Document card(JsonNode holder) {
        JsonNode card = holder.path("card");
        if (!card.isObject()) {
            return null;
        }
        return new Document(CardFields.BRAND, text(card, "brand"))
                .append(CardFields.LAST4, text(card, "last4"))
                .append(CardFields.EXP_MONTH, number(card, "exp_month"))
                .append(CardFields.EXP_YEAR, number(card, "exp_year"));
    }
}
