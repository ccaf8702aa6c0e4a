package io.paystream.worker.payout;

import static io.paystream.worker.apply.Fields.changed;
import static io.paystream.worker.apply.Fields.flag;
import static io.paystream.worker.apply.Fields.instant;
import static io.paystream.worker.apply.Fields.number;
import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.events.domain.PayoutFailed;
import io.paystream.events.domain.PayoutPaid;
import io.paystream.worker.apply.DomainChange;
import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StatusRank;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.apply.StripeEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Payouts: pending, in_transit, then paid, failed or canceled (terminal; a paid payout can still fail later). */
@Component
public class PayoutProjection implements Projection {

    static final StatusRank STATUS = new StatusRank(
            List.of(List.of(PayoutFields.STATUS_PENDING), List.of(PayoutFields.STATUS_IN_TRANSIT)),
            Set.of(PayoutFields.STATUS_PAID, PayoutFields.STATUS_FAILED, PayoutFields.STATUS_CANCELED));

    @Override
    public String objectType() {
        return "payout";
    }

    @Override
    public String collection() {
        return PayoutFields.COLLECTION;
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode payout = event.object();
        return new Document(PayoutFields.STATUS, text(payout, "status"))
                .append(PayoutFields.AMOUNT, number(payout, "amount"))
                .append(PayoutFields.CURRENCY, text(payout, "currency"))
                .append(PayoutFields.ARRIVAL_DATE, time(payout, "arrival_date"))
                .append(PayoutFields.METHOD, text(payout, "method"))
                .append(PayoutFields.TYPE, text(payout, "type"))
                .append(PayoutFields.AUTOMATIC, flag(payout, "automatic"))
                .append(PayoutFields.DESTINATION, text(payout, "destination"))
                .append(PayoutFields.FAILURE_CODE, text(payout, "failure_code"))
                .append(PayoutFields.FAILURE_MESSAGE, text(payout, "failure_message"))
                .append(StoredFields.STRIPE_CREATED, time(payout, "created"));
    }

    @Override
    public StatusRank statuses() {
        return STATUS;
    }

    @Override
    public List<DomainChange> changes(@Nullable Document previous, Document next) {
        String status = next.getString(PayoutFields.STATUS);
        if (!changed(previous, next, PayoutFields.STATUS)) {
            return List.of();
        }
        Long amount = next.getLong(PayoutFields.AMOUNT);
        String currency = next.getString(PayoutFields.CURRENCY);
        Instant arrivalDate = instant(next, PayoutFields.ARRIVAL_DATE);
        if (PayoutFields.STATUS_PAID.equals(status)) {
            return List.of(new DomainChange(new PayoutPaid(PayoutFields.STATUS_PAID, amount, currency, arrivalDate)));
        }
        if (PayoutFields.STATUS_FAILED.equals(status)) {
            return List.of(new DomainChange(new PayoutFailed(
                    PayoutFields.STATUS_FAILED,
                    amount,
                    currency,
                    arrivalDate,
                    next.getString(PayoutFields.FAILURE_CODE),
                    next.getString(PayoutFields.FAILURE_MESSAGE))));
        }
        return List.of();
    }

    @Override
    public List<Document> indexes() {
        return List.of(new Document(StoredFields.ACCOUNT, 1)
                .append(StoredFields.LIVEMODE, 1)
                .append(PayoutFields.ARRIVAL_DATE, -1));
    }
}
