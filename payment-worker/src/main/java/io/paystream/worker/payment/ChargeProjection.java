package io.paystream.worker.payment;

import static io.paystream.worker.apply.Fields.flag;
import static io.paystream.worker.apply.Fields.longOr;
import static io.paystream.worker.apply.Fields.number;
import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.events.domain.PaymentRefunded;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StatusRank;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.apply.StripeEvent;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Charges: the receipt, the card summary, and the payment's refunded total ({@code amountRefunded}), which Stripe
 * keeps on the charge and which only grows, so it also orders same-second charge events.
 */
@Component
public class ChargeProjection implements Projection {

    static final StatusRank STATUS = new StatusRank(
            List.of(List.of(ChargeFields.STATUS_PENDING)),
            Set.of(ChargeFields.STATUS_SUCCEEDED, ChargeFields.STATUS_FAILED));

    @Override
    public String objectType() {
        return "charge";
    }

    @Override
    public String collection() {
        return ChargeFields.COLLECTION;
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode charge = event.object();
        JsonNode details = charge.path("payment_method_details");
        JsonNode balanceTransaction = charge.path("balance_transaction");
        return new Document(ChargeFields.STATUS, text(charge, "status"))
                .append(ChargeFields.AMOUNT, number(charge, "amount"))
                .append(ChargeFields.AMOUNT_CAPTURED, number(charge, "amount_captured"))
                .append(ChargeFields.AMOUNT_REFUNDED, number(charge, "amount_refunded"))
                .append(ChargeFields.REFUNDED, flag(charge, "refunded"))
                .append(ChargeFields.CAPTURED, flag(charge, "captured"))
                .append(ChargeFields.DISPUTED, flag(charge, "disputed"))
                .append(ChargeFields.CURRENCY, text(charge, "currency"))
                .append(ChargeFields.CUSTOMER, text(charge, "customer"))
                .append(ChargeFields.PAYMENT_INTENT, text(charge, "payment_intent"))
                .append(ChargeFields.RECEIPT_URL, text(charge, "receipt_url"))
                .append(ChargeFields.FAILURE_CODE, text(charge, "failure_code"))
                .append(ChargeFields.FAILURE_MESSAGE, text(charge, "failure_message"))
                .append(ChargeFields.PAYMENT_METHOD_TYPE, text(details, "type"))
                .append(ChargeFields.CARD, PaymentMethodSummary.card(details))
                .append(ChargeFields.BALANCE_TRANSACTION, text(charge, "balance_transaction"))
                // Only an expanded balance transaction says when the funds become available.
                .append(
                        ChargeFields.FUNDS_AVAILABLE_ON,
                        balanceTransaction.isObject() ? time(balanceTransaction, "available_on") : null)
                .append(StoredFields.STRIPE_CREATED, time(charge, "created"));
    }

    @Override
    public long precedence(Document state) {
        long refunded = Math.min(longOr(state, ChargeFields.AMOUNT_REFUNDED, 0), 999_999_999_999L);
        return STATUS.rank(state.getString(ChargeFields.STATUS)) * 1_000_000_000_000L + refunded;
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(@Nullable Document previous, Document next) {
        long before = longOr(previous, ChargeFields.AMOUNT_REFUNDED, 0);
        long after = longOr(next, ChargeFields.AMOUNT_REFUNDED, 0);
        if (after <= before) {
            return List.of();
        }
        return List.of(new DomainChange(new PaymentRefunded(
                Boolean.TRUE.equals(next.getBoolean(ChargeFields.REFUNDED)) ? "refunded" : "partially_refunded",
                next.getLong(ChargeFields.AMOUNT),
                after,
                next.getString(ChargeFields.CURRENCY),
                next.getString(ChargeFields.CUSTOMER),
                next.getString(ChargeFields.PAYMENT_INTENT),
                next.getString(StoredFields.ID))));
    }

    @Override
    public List<Document> indexes() {
        return List.of(new Document(ChargeFields.PAYMENT_INTENT, 1));
    }
}
