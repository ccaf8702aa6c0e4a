package io.paystream.emulator;

import static io.paystream.emulator.PaymentObjectsTest.all;
import static io.paystream.emulator.PaymentObjectsTest.ids;
import static io.paystream.emulator.PaymentObjectsTest.raw;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Subscription;
import com.stripe.param.ChargeListParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.SubscriptionListParams;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Seeded payment objects: counts, relations, order, and benchmark sizes in constant time and memory. */
class SeedPaymentsTest {

    private StripeEmulator emulator;
    private StripeClient platform;
    private String platformId;

    @BeforeEach
    void start() {
        emulator = StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
        platformId = emulator.platformAccount().id();
        platform = Clients.forKey(emulator, emulator.platformAccount().testSecretKey());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aSeededAccountListsInFullWithConsistentRelations() throws Exception {
        emulator.seedPayments(platformId, false, 200, 500, 60, 150);

        List<Customer> customers = all(platform.v1()
                .customers()
                .list(CustomerListParams.builder().setLimit(100L).build())
                .autoPagingIterable());
        List<PaymentIntent> intents = all(platform.v1()
                .paymentIntents()
                .list(PaymentIntentListParams.builder().setLimit(100L).build())
                .autoPagingIterable());
        List<Charge> charges = all(platform.v1()
                .charges()
                .list(ChargeListParams.builder().setLimit(100L).build())
                .autoPagingIterable());
        List<Subscription> subscriptions = all(platform.v1()
                .subscriptions()
                .list(SubscriptionListParams.builder()
                        .setStatus(SubscriptionListParams.Status.ALL)
                        .setLimit(100L)
                        .build())
                .autoPagingIterable());
        List<Invoice> invoices = all(platform.v1()
                .invoices()
                .list(InvoiceListParams.builder().setLimit(100L).build())
                .autoPagingIterable());

        assertThat(customers).hasSize(200);
        assertThat(intents).hasSize(500);
        assertThat(charges).hasSize(500);
        assertThat(subscriptions).hasSize(60);
        assertThat(invoices).hasSize(150);
        assertThat(platform.v1().subscriptions().list().autoPagingIterable())
                .as("the default list leaves the canceled fifth out")
                .hasSize(55);
        assertListedLikeStripe(customers, Customer::getId, Customer::getCreated, "cus_");
        assertListedLikeStripe(intents, PaymentIntent::getId, PaymentIntent::getCreated, "pi_");
        assertListedLikeStripe(charges, Charge::getId, Charge::getCreated, "ch_");
        assertListedLikeStripe(subscriptions, Subscription::getId, Subscription::getCreated, "sub_");
        assertListedLikeStripe(invoices, Invoice::getId, Invoice::getCreated, "in_");

        Map<String, Customer> customersById =
                customers.stream().collect(Collectors.toMap(Customer::getId, Function.identity()));
        Map<String, PaymentIntent> intentsById =
                intents.stream().collect(Collectors.toMap(PaymentIntent::getId, Function.identity()));
        Map<String, Subscription> subscriptionsById =
                subscriptions.stream().collect(Collectors.toMap(Subscription::getId, Function.identity()));
        assertThat(intents).allSatisfy(intent -> {
            assertThat(intent.getStatus()).isEqualTo("succeeded");
            assertThat(customersById.get(intent.getCustomer()).getCreated()).isLessThanOrEqualTo(intent.getCreated());
            assertThat(intent.getLatestCharge()).startsWith("ch_");
        });
        assertThat(charges).allSatisfy(charge -> {
            PaymentIntent intent = intentsById.get(charge.getPaymentIntent());
            assertThat(intent.getLatestCharge()).isEqualTo(charge.getId());
            assertThat(charge.getCustomer()).isEqualTo(intent.getCustomer());
            assertThat(charge.getPaid()).isTrue();
        });
        assertThat(subscriptions)
                .allSatisfy(subscription -> assertThat(customersById).containsKey(subscription.getCustomer()));
        assertThat(invoices).allSatisfy(invoice -> {
            Subscription subscription = subscriptionsById.get(
                    invoice.getParent().getSubscriptionDetails().getSubscription());
            assertThat(invoice.getCustomer()).isEqualTo(subscription.getCustomer());
            assertThat(subscription.getCreated()).isLessThanOrEqualTo(invoice.getCreated());
        });
        assertThat(invoices).extracting(Invoice::getStatus).containsOnly("paid", "open");
    }

    @Test
    void benchmarkSizesSeedAtOnceInBoundedMemoryAndStillPage() throws Exception {
        long heapBefore = usedHeapAfterGc();
        long started = System.nanoTime();

        emulator.seedPayments(platformId, false, 100_000, 200_000, 20_000, 60_000);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(usedHeapAfterGc() - heapBefore)
                .as("seeded objects are rendered on demand, not stored")
                .isLessThan(32L * 1024 * 1024);
        JsonNode newest = raw(platform, "/v1/payment_intents?limit=100");
        assertThat(ids(newest)).hasSize(100);
        assertThat(newest.path("has_more").asBoolean()).isTrue();
        long dayAgo = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
        List<PaymentIntent> lastDay = all(platform.v1()
                .paymentIntents()
                .list(PaymentIntentListParams.builder()
                        .setCreated(PaymentIntentListParams.Created.builder()
                                .setGte(dayAgo)
                                .build())
                        .setLimit(100L)
                        .build())
                .autoPagingIterable());
        assertThat(lastDay).hasSizeBetween(200_000 / 730 - 2, 200_000 / 730 + 2);
        long firstSeconds = Instant.now().minus(SeededPayments.SPREAD).getEpochSecond() + 300;
        JsonNode oldestCustomers = raw(platform, "/v1/customers?created[lt]=" + firstSeconds);
        assertThat(ids(oldestCustomers)).as("customers are ~10 minutes apart").hasSize(1);
        assertThat(platform.v1()
                        .customers()
                        .retrieve(ids(oldestCustomers).get(0))
                        .getName())
                .isEqualTo("Seeded customer 1");
        String newestInvoice = ids(raw(platform, "/v1/invoices?limit=1")).get(0);
        assertThat(platform.v1().invoices().retrieve(newestInvoice).getCustomer())
                .startsWith("cus_");
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static <T> void assertListedLikeStripe(
            List<T> items, Function<T, String> id, Function<T, Long> created, String prefix) {
        long now = Instant.now().getEpochSecond();
        List<String> ids = items.stream().map(id).toList();
        assertThat(ids)
                .doesNotHaveDuplicates()
                .allSatisfy(value -> assertThat(value).startsWith(prefix).hasSize(prefix.length() + 14));
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(Comparator.reverseOrder());
        assertThat(ids).as("newest first, and ids sort in creation order").isEqualTo(sorted);
        assertThat(items.stream().map(created).toList()).allSatisfy(value -> assertThat(value)
                .isBetween(now - Duration.ofDays(731).toSeconds(), now + 1));
    }
}
