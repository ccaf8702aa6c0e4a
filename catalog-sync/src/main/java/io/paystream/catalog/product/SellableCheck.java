package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * Whether a stored product can be sold, and if not, why. Sellable means: it has a name, it is active in Stripe (an
 * inactive product cannot be bought), and at least one of its active prices has a currency and a billing type:
 * one-time, or recurring with an interval and an interval count of at least 1. Reasons are stable codes for machines
 * plus a message for people.
 */
public final class SellableCheck {

    private static final Set<String> INTERVALS = Set.of("day", "week", "month", "year");

    private SellableCheck() {}

    /** Why a product is not sellable. */
    public record Reason(String code, String message) {

        Document toDocument() {
            return new Document(CODE, code).append(MESSAGE, message);
        }
    }

    /** The verdict on one product. */
    public record Verdict(boolean sellable, List<Reason> reasons) {

        public List<Document> reasonDocuments() {
            return reasons.stream().map(Reason::toDocument).toList();
        }

        /** Whether a stored product already carries this verdict, so it need not be written again. */
        boolean isStoredIn(Document product) {
            return Boolean.valueOf(sellable).equals(product.getBoolean(SELLABLE))
                    && reasonDocuments().equals(product.getList(REASONS, Document.class, List.of()));
        }
    }

    /** The reason an archived (no longer existing) product carries. */
    static Document archivedReason() {
        return new Reason("archived", "The product no longer exists in Stripe.").toDocument();
    }

    /**
     * @param product the stored product
     * @param prices its stored prices that still exist in Stripe, active or not
     */
    public static Verdict evaluate(Document product, List<Document> prices) {
        List<Reason> reasons = new ArrayList<>();
        String name = product.getString(NAME);
        if (name == null || name.isBlank()) {
            reasons.add(new Reason("missing_name", "The product has no name."));
        }
        if (!Boolean.TRUE.equals(product.getBoolean(ACTIVE))) {
            reasons.add(new Reason("product_inactive", "The product is archived in Stripe (active is false)."));
        }
        List<Document> active = prices.stream()
                .filter(price -> Boolean.TRUE.equals(price.getBoolean(ACTIVE)))
                .toList();
        List<Reason> priceProblems = new ArrayList<>();
        boolean usablePrice = false;
        for (Document price : active) {
            List<Reason> problems = problems(price);
            usablePrice |= problems.isEmpty();
            priceProblems.addAll(problems);
        }
        if (active.isEmpty()) {
            reasons.add(new Reason("no_active_price", "The product has no active price."));
        } else if (!usablePrice) {
            reasons.addAll(priceProblems);
        }
        return new Verdict(reasons.isEmpty(), List.copyOf(reasons));
    }

    private static List<Reason> problems(Document price) {
        String id = price.getString(STRIPE_ID);
        List<Reason> problems = new ArrayList<>();
        String currency = price.getString(CURRENCY);
        if (currency == null || currency.isBlank()) {
            problems.add(new Reason("price_missing_currency", "Price " + id + " has no currency."));
        }
        String type = price.getString(TYPE);
        if ("recurring".equals(type)) {
            Document recurring = price.get(RECURRING, Document.class);
            String interval = recurring == null ? null : recurring.getString(INTERVAL);
            Number count = recurring == null ? null : recurring.get(INTERVAL_COUNT, Number.class);
            if (interval == null || !INTERVALS.contains(interval)) {
                problems.add(new Reason(
                        "recurring_price_missing_interval",
                        "Recurring price " + id + " has no interval (day, week, month or year)."));
            }
            if (count == null || count.longValue() < 1) {
                problems.add(new Reason(
                        "recurring_price_missing_interval_count",
                        "Recurring price " + id + " has no interval count of at least 1."));
            }
        } else if (!"one_time".equals(type)) {
            problems.add(
                    new Reason("price_missing_billing_type", "Price " + id + " is neither one_time nor recurring."));
        }
        return problems;
    }
}
