package io.paystream.worker.payment;

import static io.paystream.worker.apply.Fields.changed;
import static io.paystream.worker.apply.Fields.number;
import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.events.domain.DomainEventTypes;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StatusRank;
import io.paystream.worker.apply.StripeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
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
                    List.of("requires_payment_method"),
                    List.of("requires_confirmation"),
                    List.of("requires_action"),
                    List.of("processing"),
                    List.of("requires_capture")),
            Set.of("succeeded", "canceled"));

    private static final int FAILED_ATTEMPT_RANK = 6;

    @Override
    public String objectType() {
        return "payment_intent";
    }

    @Override
    public String collection() {
        return "payment_intents";
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode pi = event.object();
        JsonNode error = pi.path("last_payment_error");
        return new Document("status", text(pi, "status"))
                .append("amount", number(pi, "amount"))
                .append("amountReceived", number(pi, "amount_received"))
                .append("currency", text(pi, "currency"))
                .append("customer", text(pi, "customer"))
                .append("description", text(pi, "description"))
                .append("paymentMethodType", paymentMethodType(pi))
                .append("card", card(pi, error))
                .append(
                        "failureCode",
                        error.isObject() ? firstNonNull(text(error, "decline_code"), text(error, "code")) : null)
                .append("failureMessage", error.isObject() ? text(error, "message") : null)
                .append("latestCharge", text(pi, "latest_charge"))
                .append("cancellationReason", text(pi, "cancellation_reason"))
                .append("canceledAt", time(pi, "canceled_at"))
                .append("stripeCreated", time(pi, "created"));
    }

    @Override
    public long precedence(Document state) {
        String status = state.getString("status");
        if ("requires_payment_method".equals(status) && state.get("failureCode") != null) {
            return FAILED_ATTEMPT_RANK;
        }
        return STATUS.isTerminal(status) ? FAILED_ATTEMPT_RANK + 1 : STATUS.rank(status);
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(Document previous, Document next) {
        List<DomainChange> changes = new ArrayList<>();
        if ("succeeded".equals(next.getString("status")) && changed(previous, next, "status")) {
            changes.add(new DomainChange(DomainEventTypes.PAYMENT_SUCCEEDED, payload(next)));
        }
        // A new failure is a new failure code or a new charge attempt carrying one.
        boolean newFailure = next.get("failureCode") != null
                && (changed(previous, next, "failureCode") || changed(previous, next, "latestCharge"));
        if (newFailure && !"succeeded".equals(next.getString("status"))) {
            Map<String, Object> data = payload(next);
            data.put("failureCode", next.get("failureCode"));
            data.put("failureMessage", next.get("failureMessage"));
            changes.add(new DomainChange(DomainEventTypes.PAYMENT_FAILED, data));
        }
        return changes;
    }

    @Override
    public List<Document> indexes() {
        return List.of(
                new Document("account", 1).append("livemode", 1).append("status", 1), new Document("customer", 1));
    }

    private static Map<String, Object> payload(Document state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", state.get("status"));
        data.put("amount", state.get("amount"));
        data.put("amountReceived", state.get("amountReceived"));
        data.put("currency", state.get("currency"));
        data.put("customer", state.get("customer"));
        data.put("paymentIntent", state.get("_id"));
        data.put("charge", state.get("latestCharge"));
        return data;
    }

    private static String paymentMethodType(JsonNode pi) {
        JsonNode method = pi.path("payment_method");
        if (method.isObject()) {
            return text(method, "type");
        }
        JsonNode types = pi.path("payment_method_types");
        return types.isArray() && !types.isEmpty() ? types.get(0).asString(null) : null;
    }

    /** The card of an expanded payment method, else of the one that just failed; the charge has the paying card. */
    private static Document card(JsonNode pi, JsonNode error) {
        Document card = PaymentMethodSummary.card(pi.path("payment_method"));
        return card != null ? card : PaymentMethodSummary.card(error.path("payment_method"));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
