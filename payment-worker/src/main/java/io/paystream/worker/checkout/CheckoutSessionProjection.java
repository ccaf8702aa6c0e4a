package io.paystream.worker.checkout;

import static io.paystream.worker.apply.Fields.changed;
import static io.paystream.worker.apply.Fields.number;
import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.events.domain.CheckoutCompleted;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StatusRank;
import io.paystream.worker.apply.StripeEvent;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Checkout Sessions and what they produced (a PaymentIntent or a Subscription). */
@Component
public class CheckoutSessionProjection implements Projection {

    static final StatusRank STATUS = new StatusRank(List.of(List.of("open")), Set.of("complete", "expired"));

    /** A completed session's payment can still settle later (async methods): unpaid, then paid. */
    static final StatusRank PAYMENT_STATUS =
            new StatusRank(List.of(List.of("unpaid")), Set.of("paid", "no_payment_required"));

    @Override
    public String objectType() {
        return "checkout.session";
    }

    @Override
    public String collection() {
        return "checkout_sessions";
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode session = event.object();
        return new Document("status", text(session, "status"))
                .append("paymentStatus", text(session, "payment_status"))
                .append("mode", text(session, "mode"))
                .append("customer", text(session, "customer"))
                .append("amountTotal", number(session, "amount_total"))
                .append("currency", text(session, "currency"))
                .append("paymentIntent", text(session, "payment_intent"))
                .append("subscription", text(session, "subscription"))
                .append("invoice", text(session, "invoice"))
                .append("stripeCreated", time(session, "created"));
    }

    @Override
    public long precedence(Document state) {
        return STATUS.rank(state.getString("status")) * 10L + PAYMENT_STATUS.rank(state.getString("paymentStatus"));
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(@Nullable Document previous, Document next) {
        if (!"complete".equals(next.getString("status")) || !changed(previous, next, "status")) {
            return List.of();
        }
        return List.of(new DomainChange(new CheckoutCompleted(
                "complete",
                next.getString("paymentStatus"),
                next.getString("mode"),
                next.getLong("amountTotal"),
                next.getString("currency"),
                next.getString("customer"),
                next.getString("paymentIntent"),
                next.getString("subscription"))));
    }

    @Override
    public List<Document> indexes() {
        return List.of(new Document("customer", 1));
    }
}
