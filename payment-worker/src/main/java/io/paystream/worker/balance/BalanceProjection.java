package io.paystream.worker.balance;

import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StripeEvent;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Per-account balance from {@code balance.available}. A balance has no id at Stripe, so the document id is
 * {@code <account>:<livemode>}; amounts are kept per currency, in minor units.
 */
@Component
public class BalanceProjection implements Projection {

    @Override
    public String objectType() {
        return "balance";
    }

    @Override
    public String collection() {
        return BalanceFields.COLLECTION;
    }

    @Override
    public String aggregateId(StripeEvent event) {
        return idOf(event.account(), event.livemode());
    }

    /** The document id of an account's balance in one mode. */
    static String idOf(String account, boolean livemode) {
        return account + ":" + livemode;
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode balance = event.object();
        return new Document(BalanceFields.AVAILABLE, perCurrency(balance.path("available")))
                .append(BalanceFields.PENDING, perCurrency(balance.path("pending")));
    }

    private static Document perCurrency(JsonNode amounts) {
        Document byCurrency = new Document();
        for (JsonNode amount : amounts) {
            String currency = amount.path("currency").asString(null);
            if (currency != null && amount.path("amount").isNumber()) {
                byCurrency.append(currency, amount.path("amount").longValue());
            }
        }
        return byCurrency;
    }
}
