package io.paystream.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.StripeCollection;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductListParams;
import com.stripe.param.ProductUpdateParams;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogApiTest {

    private static StripeEmulator emulator;
    private StripeClient stripe;
    private EmulatedAccount account;

    @BeforeAll
    static void start() {
        emulator = StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void freshAccount() {
        account = emulator.createAccount(AccountSpec.activeStandalone());
        stripe = Clients.forKey(emulator, account.testSecretKey());
        emulator.resetRequestCounts();
    }

    @Test
    void pagesThroughASeededCatalogNewestFirstWithOneRequestPerPage() throws Exception {
        emulator.seedCatalog(account.id(), false, 250, 2);

        List<Product> products = new ArrayList<>();
        stripe.v1()
                .products()
                .list(ProductListParams.builder().setLimit(100L).build())
                .autoPagingIterable()
                .forEach(products::add);

        assertThat(products).hasSize(250);
        assertThat(new HashSet<>(products.stream().map(Product::getId).toList()))
                .hasSize(250);
        assertThat(products.get(0).getName()).isEqualTo("Seeded product 250");
        assertThat(products.get(249).getName()).isEqualTo("Seeded product 1");
        assertThat(products).isSortedAccordingTo((a, b) -> Long.compare(b.getCreated(), a.getCreated()));
        assertThat(emulator.requestCount("GET", "/v1/products")).isEqualTo(3);
    }

    @Test
    void filtersPricesByProductTypeAndActive() throws Exception {
        emulator.seedCatalog(account.id(), false, 30, 3);
        Product first = stripe.v1().products().list().getData().get(0);

        StripeCollection<Price> ofProduct = stripe.v1()
                .prices()
                .list(PriceListParams.builder().setProduct(first.getId()).build());
        assertThat(ofProduct.getData()).hasSize(3).allMatch(price -> price.getProduct()
                .equals(first.getId()));
        assertThat(first.getDefaultPrice())
                .isIn(ofProduct.getData().stream().map(Price::getId).toList());

        List<Price> recurring = new ArrayList<>();
        stripe.v1()
                .prices()
                .list(PriceListParams.builder()
                        .setType(PriceListParams.Type.RECURRING)
                        .setLimit(100L)
                        .build())
                .autoPagingIterable()
                .forEach(recurring::add);
        assertThat(recurring).hasSize(30).allSatisfy(price -> {
            assertThat(price.getType()).isEqualTo("recurring");
            assertThat(price.getRecurring().getInterval()).isEqualTo("month");
        });

        stripe.v1()
                .prices()
                .update(
                        recurring.get(0).getId(),
                        PriceUpdateParams.builder().setActive(false).build());
        assertThat(stripe.v1()
                        .prices()
                        .list(PriceListParams.builder().setActive(false).build())
                        .getData())
                .extracting(Price::getId)
                .containsExactly(recurring.get(0).getId());
    }

    @Test
    void createsUpdatesAndDeletesAProduct() throws Exception {
        Product created = stripe.v1()
                .products()
                .create(ProductCreateParams.builder()
                        .setName("Gold plan")
                        .setDescription("The shiny one")
                        .putMetadata("tier", "gold")
                        .setDefaultPriceData(ProductCreateParams.DefaultPriceData.builder()
                                .setCurrency("eur")
                                .setUnitAmount(1999L)
                                .setRecurring(ProductCreateParams.DefaultPriceData.Recurring.builder()
                                        .setInterval(ProductCreateParams.DefaultPriceData.Recurring.Interval.MONTH)
                                        .build())
                                .build())
                        .build());

        assertThat(created.getId()).startsWith("prod_");
        assertThat(created.getActive()).isTrue();
        assertThat(created.getLivemode()).isFalse();
        assertThat(created.getMetadata()).containsEntry("tier", "gold");
        Price price = stripe.v1().prices().retrieve(created.getDefaultPrice());
        assertThat(price.getUnitAmount()).isEqualTo(1999L);
        assertThat(price.getCurrency()).isEqualTo("eur");
        assertThat(price.getRecurring().getIntervalCount()).isEqualTo(1L);
        assertThat(price.getUnitAmountDecimal()).isEqualByComparingTo("1999");

        Product updated = stripe.v1()
                .products()
                .update(
                        created.getId(),
                        ProductUpdateParams.builder()
                                .setName("Gold plan v2")
                                .setActive(false)
                                .putMetadata("tier", "")
                                .putMetadata("color", "yellow")
                                .build());
        assertThat(updated.getName()).isEqualTo("Gold plan v2");
        assertThat(updated.getActive()).isFalse();
        assertThat(updated.getMetadata()).isEqualTo(Map.of("color", "yellow"));
        assertThat(stripe.v1()
                        .products()
                        .list(ProductListParams.builder().setActive(false).build())
                        .getData())
                .extracting(Product::getId)
                .containsExactly(created.getId());

        Product deleted = stripe.v1().products().delete(created.getId());
        assertThat(deleted.getDeleted()).isTrue();
        assertThatThrownBy(() -> stripe.v1().products().retrieve(created.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getRequestId()).startsWith("req_");
                });
        assertThatThrownBy(() -> stripe.v1().prices().retrieve(price.getId()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void createsPricesWithStripesValidation() throws Exception {
        Product product = stripe.v1()
                .products()
                .create(ProductCreateParams.builder().setName("Socks").build());

        Price price = stripe.v1()
                .prices()
                .create(PriceCreateParams.builder()
                        .setProduct(product.getId())
                        .setCurrency("usd")
                        .setUnitAmount(500L)
                        .setNickname("pair")
                        .setRecurring(PriceCreateParams.Recurring.builder()
                                .setInterval(PriceCreateParams.Recurring.Interval.WEEK)
                                .setIntervalCount(2L)
                                .build())
                        .build());
        assertThat(price.getType()).isEqualTo("recurring");
        assertThat(price.getRecurring().getInterval()).isEqualTo("week");
        assertThat(price.getRecurring().getIntervalCount()).isEqualTo(2L);
        assertThat(price.getNickname()).isEqualTo("pair");
        assertThat(price.getBillingScheme()).isEqualTo("per_unit");

        assertThatThrownBy(() -> stripe.v1()
                        .prices()
                        .create(PriceCreateParams.builder()
                                .setProduct(product.getId())
                                .setUnitAmount(500L)
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("parameter_missing");
                    assertThat(e.getParam()).isEqualTo("currency");
                });
        assertThatThrownBy(() -> stripe.v1()
                        .prices()
                        .create(PriceCreateParams.builder()
                                .setProduct("prod_missing")
                                .setCurrency("usd")
                                .setUnitAmount(500L)
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getParam()).isEqualTo("product");
                });
        assertThatThrownBy(() -> stripe.v1()
                        .products()
                        .list(ProductListParams.builder().setLimit(101L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getParam())
                        .isEqualTo("limit"));
    }

    @Test
    void pagingStaysStableWhileProductsAreAdded() throws Exception {
        emulator.seedCatalog(account.id(), false, 30, 0);
        StripeCollection<Product> firstPage = stripe.v1()
                .products()
                .list(ProductListParams.builder().setLimit(10L).build());

        for (int i = 0; i < 5; i++) {
            stripe.v1()
                    .products()
                    .create(ProductCreateParams.builder().setName("New " + i).build());
        }
        List<String> rest = new ArrayList<>();
        String cursor = firstPage.getData().get(9).getId();
        boolean more = true;
        while (more) {
            StripeCollection<Product> page = stripe.v1()
                    .products()
                    .list(ProductListParams.builder()
                            .setLimit(10L)
                            .setStartingAfter(cursor)
                            .build());
            page.getData().forEach(product -> rest.add(product.getName()));
            cursor = page.getData().isEmpty()
                    ? cursor
                    : page.getData().get(page.getData().size() - 1).getId();
            more = page.getHasMore();
        }
        assertThat(rest).hasSize(20).doesNotContain("New 0").contains("Seeded product 1");

        StripeCollection<Product> newer = stripe.v1()
                .products()
                .list(ProductListParams.builder()
                        .setLimit(3L)
                        .setEndingBefore(firstPage.getData().get(0).getId())
                        .build());
        assertThat(newer.getData()).extracting(Product::getName).containsExactly("New 2", "New 1", "New 0");
        assertThat(newer.getHasMore()).isTrue();
    }

    @Test
    void listsTenThousandProductsAndThirtyThousandPricesQuickly() throws Exception {
        emulator.seedCatalog(account.id(), false, 10_000, 3);

        long started = System.nanoTime();
        int products = 0;
        for (Product ignored : stripe.v1()
                .products()
                .list(ProductListParams.builder().setLimit(100L).build())
                .autoPagingIterable()) {
            products++;
        }
        int prices = 0;
        for (Price ignored : stripe.v1()
                .prices()
                .list(PriceListParams.builder().setLimit(100L).build())
                .autoPagingIterable()) {
            prices++;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(products).isEqualTo(10_000);
        assertThat(prices).isEqualTo(30_000);
        assertThat(emulator.requestCount("GET", "/v1/")).isEqualTo(400);
        assertThat(millis).as("400 pages in %d ms", millis).isLessThan(15_000);
    }
}
