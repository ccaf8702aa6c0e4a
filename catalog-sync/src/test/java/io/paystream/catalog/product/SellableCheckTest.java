package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SellableCheckTest {

    private static final Document PRODUCT = new Document(NAME, "Pro plan").append(ACTIVE, true);

    @Test
    void aNamedActiveProductWithAOneTimeOrAFullyDescribedRecurringPriceIsSellable() {
        assertThat(SellableCheck.evaluate(PRODUCT, List.of(oneTime("price_1"))).sellable())
                .isTrue();
        assertThat(SellableCheck.evaluate(PRODUCT, List.of(recurring("price_2", "month", 3)))
                        .reasons())
                .isEmpty();
    }

    @Test
    void oneUsablePriceIsEnoughEvenBesideBrokenOnes() {
        var verdict = SellableCheck.evaluate(
                PRODUCT,
                List.of(recurring("price_bad", null, 1), oneTime("price_ok").append(CURRENCY, "eur")));

        assertThat(verdict.sellable()).isTrue();
    }

    @Test
    void aProductWithoutNameOrInactiveSaysSo() {
        var verdict =
                SellableCheck.evaluate(new Document(NAME, " ").append(ACTIVE, false), List.of(oneTime("price_1")));

        assertThat(codes(verdict)).containsExactly("missing_name", "product_inactive");
    }

    @Test
    void inactivePricesDoNotCount() {
        var verdict = SellableCheck.evaluate(PRODUCT, List.of(oneTime("price_1").append(ACTIVE, false)));

        assertThat(codes(verdict)).containsExactly("no_active_price");
        assertThat(verdict.reasons().get(0).message()).isEqualTo("The product has no active price.");
    }

    @Test
    void whenNoActivePriceIsUsableEachProblemIsNamedWithItsPrice() {
        var verdict = SellableCheck.evaluate(
                PRODUCT,
                List.of(
                        oneTime("price_nocur").append(CURRENCY, null),
                        recurring("price_noint", null, 0),
                        new Document(STRIPE_ID, "price_notype")
                                .append(ACTIVE, true)
                                .append(CURRENCY, "usd")));

        assertThat(codes(verdict))
                .containsExactly(
                        "price_missing_currency",
                        "recurring_price_missing_interval",
                        "recurring_price_missing_interval_count",
                        "price_missing_billing_type");
        assertThat(verdict.reasons().get(0).message()).contains("price_nocur");
        assertThat(verdict.reasons().get(3).message()).contains("price_notype");
    }

    @Test
    void aRecurringPriceWithAnUnknownIntervalIsNotUsable() {
        var verdict = SellableCheck.evaluate(PRODUCT, List.of(recurring("price_q", "fortnight", 1)));

        assertThat(codes(verdict)).containsExactly("recurring_price_missing_interval");
    }

    @Test
    void theStoredVerdictIsRecognisedSoUnchangedProductsAreNotRewritten() {
        var verdict = SellableCheck.evaluate(PRODUCT, List.of());
        Document stored = new Document(PRODUCT).append(SELLABLE, false).append(REASONS, verdict.reasonDocuments());

        assertThat(verdict.isStoredIn(stored)).isTrue();
        assertThat(verdict.isStoredIn(PRODUCT)).isFalse();
    }

    private static Document oneTime(String id) {
        return new Document(STRIPE_ID, id)
                .append(ACTIVE, true)
                .append(CURRENCY, "usd")
                .append(TYPE, "one_time");
    }

    private static Document recurring(String id, String interval, int count) {
        return new Document(STRIPE_ID, id)
                .append(ACTIVE, true)
                .append(CURRENCY, "usd")
                .append(TYPE, "recurring")
                .append(RECURRING, new Document(INTERVAL, interval).append(INTERVAL_COUNT, (long) count));
    }

    private static List<String> codes(SellableCheck.Verdict verdict) {
        return verdict.reasons().stream().map(SellableCheck.Reason::code).toList();
    }
}
