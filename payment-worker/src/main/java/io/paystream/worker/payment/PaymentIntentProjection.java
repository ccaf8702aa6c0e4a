package io.paystream.worker.payment;

import static io.paystream.worker.apply.Fields.changed;
import static io.paystream.worker.apply.Fields.number;
import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.events.domain.PaymentFailed;
import io.paystream.events.domain.PaymentSucceeded;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StatusRank;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.apply.StripeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** PaymentIntents: the payment's lifecycle, amounts, failure reason and the card summary (brand, last 4, expiry). */
@Component
public class PaymentIntentProjection implements Projection {

    /**
     * Stripe's forward order. A failed attempt sends the intent back to requires_payment_method with a
     * last_payment_error, typically in the same second as the confirmation that failed, so that state ranks above
     * every in-flight status (see {@link #precedence}); a retry clears the error and lands in a later second.
     */
    static final StatusRank STATUS = new StatusRank(
            List.of(
                    List.of(PaymentIntentFields.STATUS_REQUIRES_PAYMENT_METHOD),
                    List.of(PaymentIntentFields.STATUS_REQUIRES_CONFIRMATION),
                    List.of(PaymentIntentFields.STATUS_REQUIRES_ACTION),
                    List.of(PaymentIntentFields.STATUS_PROCESSING),
                    List.of(PaymentIntentFields.STATUS_REQUIRES_CAPTURE)),
            Set.of(PaymentIntentFields.STATUS_SUCCEEDED, PaymentIntentFields.STATUS_CANCELED));

    private static final int FAILED_ATTEMPT_RANK = 6;

    @Override
    public String objectType() {
        return "payment_intent";
    }

    @Override
    public String collection() {
        return PaymentIntentFields.COLLECTION;
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode pi = event.object();
        JsonNode error = pi.path("last_payment_error");
        return new Document(PaymentIntentFields.STATUS, text(pi, "status"))
                .append(PaymentIntentFields.AMOUNT, number(pi, "amount"))
                .append(PaymentIntentFields.AMOUNT_RECEIVED, number(pi, "amount_received"))
                .append(PaymentIntentFields.CURRENCY, text(pi, "currency"))
                .append(PaymentIntentFields.CUSTOMER, text(pi, "customer"))
                .append(PaymentIntentFields.DESCRIPTION, text(pi, "description"))
                .append(PaymentIntentFields.PAYMENT_METHOD_TYPE, paymentMethodType(pi))
                .append(PaymentIntentFields.CARD, card(pi, error))
                .append(
                        PaymentIntentFields.FAILURE_CODE,
                        error.isObject() ? firstNonNull(text(error, "decline_code"), text(error, "code")) : null)
                .append(PaymentIntentFields.FAILURE_MESSAGE, error.isObject() ? text(error, "message") : null)
                .append(PaymentIntentFields.LATEST_CHARGE, text(pi, "latest_charge"))
                .append(PaymentIntentFields.CANCELLATION_REASON, text(pi, "cancellation_reason"))
                .append(PaymentIntentFields.CANCELED_AT, time(pi, "canceled_at"))
                .append(StoredFields.STRIPE_CREATED, time(pi, "created"));
    }

    @Override
    public long precedence(Document state) {
        String status = state.getString(PaymentIntentFields.STATUS);
        if (PaymentIntentFields.STATUS_REQUIRES_PAYMENT_METHOD.equals(status)
                && state.get(PaymentIntentFields.FAILURE_CODE) != null) {
            return FAILED_ATTEMPT_RANK;
        }
        return STATUS.isTerminal(status) ? FAILED_ATTEMPT_RANK + 1 : STATUS.rank(status);
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(@Nullable Document previous, Document next) {
        String status = next.getString(PaymentIntentFields.STATUS);
        Long amount = next.getLong(PaymentIntentFields.AMOUNT);
        Long received = next.getLong(PaymentIntentFields.AMOUNT_RECEIVED);
        String currency = next.getString(PaymentIntentFields.CURRENCY);
        String customer = next.getString(PaymentIntentFields.CUSTOMER);
        String id = next.getString(StoredFields.ID);
        String charge = next.getString(PaymentIntentFields.LATEST_CHARGE);
        List<DomainChange> changes = new ArrayList<>();
        boolean succeeded = PaymentIntentFields.STATUS_SUCCEEDED.equals(status);
        if (succeeded && changed(previous, next, PaymentIntentFields.STATUS)) {
            changes.add(
                    new DomainChange(new PaymentSucceeded(status, amount, received, currency, customer, id, charge)));
        }
        // A new failure is a new failure code or a new charge attempt carrying one.
        String failureCode = next.getString(PaymentIntentFields.FAILURE_CODE);
        boolean newFailure = failureCode != null
                && (changed(previous, next, PaymentIntentFields.FAILURE_CODE)
                        || changed(previous, next, PaymentIntentFields.LATEST_CHARGE));
        if (newFailure && !succeeded) {
            String failureMessage = next.getString(PaymentIntentFields.FAILURE_MESSAGE);
            changes.add(new DomainChange(new PaymentFailed(
                    status, amount, received, currency, customer, id, charge, failureCode, failureMessage)));
        }
        return changes;
    }

    @Override
    public List<Document> indexes() {
        return List.of(
                new Document(StoredFields.ACCOUNT, 1)
                        .append(StoredFields.LIVEMODE, 1)
                        .append(PaymentIntentFields.STATUS, 1),
                new Document(PaymentIntentFields.CUSTOMER, 1));
    }

    private static @Nullable String paymentMethodType(JsonNode pi) {
        JsonNode method = pi.path("payment_method");
        if (method.isObject()) {
            return text(method, "type");
        }
        JsonNode types = pi.path("payment_method_types");
        return types.isArray() && !types.isEmpty() ? types.get(0).asString(null) : null;
    }

    /** The card of an expanded payment method, else of the one that just failed; the charge has the paying card. */
    private static @Nullable Document card(JsonNode pi, JsonNode error) {
        Document card = PaymentMethodSummary.card(pi.path("payment_method"));
        return card != null ? card : PaymentMethodSummary.card(error.path("payment_method"));
    }

    private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }
}
