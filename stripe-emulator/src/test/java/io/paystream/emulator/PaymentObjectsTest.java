package io.paystream.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Balance;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Subscription;
import com.stripe.net.ApiResource;
import com.stripe.param.ChargeListParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.SubscriptionListParams;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lists, paging, filters and retrieves of payment objects, through stripe-java as catalog-sync calls them. */
class PaymentObjectsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

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
    void everyKindListsNewestFirstAndPagesThroughStripeJava() throws Exception {
        for (String lifecycle : List.of(
                "card_checkout_success",
                "partial_and_full_refund",
                "dispute_won",
                "subscription_trial_to_canceled",
                "payout_paid")) {
            emulator.enact(lifecycle, platformId, false);
        }
        emulator.seedPayments(platformId, false, 30, 40, 12, 25);

        List<Customer> customers = all(platform.v1()
                .customers()
                .list(CustomerListParams.builder().setLimit(7L).build())
                .autoPagingIterable());
        assertThat(customers).hasSize(2 + 30).doesNotHaveDuplicates();
        assertNewestFirst(customers.stream().map(Customer::getCreated).toList());
        assertThat(all(platform.v1().paymentIntents().list().autoPagingIterable()))
                .hasSize(6 + 40);
        assertThat(all(platform.v1().charges().list().autoPagingIterable()))
                .as("one charge in each of three lifecycles, six in the subscription's")
                .hasSize(9 + 40);
        assertThat(all(platform.v1().refunds().list().autoPagingIterable())).hasSize(2);
        assertThat(all(platform.v1().disputes().list().autoPagingIterable())).hasSize(1);
        assertThat(all(platform.v1().checkout().sessions().list().autoPagingIterable()))
                .singleElement()
                .satisfies(session -> assertThat(session.getStatus()).isEqualTo("complete"));
        assertThat(all(platform.v1().invoices().list().autoPagingIterable())).hasSize(4 + 25);
        assertThat(all(platform.v1().payouts().list().autoPagingIterable()))
                .singleElement()
                .satisfies(payout -> assertThat(payout.getStatus()).isEqualTo("paid"));
        assertThat(all(platform.v1()
                        .subscriptions()
                        .list(SubscriptionListParams.builder()
                                .setStatus(SubscriptionListParams.Status.ALL)
                                .build())
                        .autoPagingIterable()))
                .hasSize(1 + 12);
    }

    @Test
    void subscriptionsLeaveEndedOnesOutUnlessStatusAsks() throws Exception {
        String played = emulator.enact("subscription_trial_to_canceled", platformId, false).stream()
                .filter(event -> event.objectType().equals("subscription"))
                .findFirst()
                .orElseThrow()
                .objectId();
        emulator.seedPayments(platformId, false, 10, 0, 24, 0);

        List<Subscription> all = all(platform.v1()
                .subscriptions()
                .list(SubscriptionListParams.builder()
                        .setStatus(SubscriptionListParams.Status.ALL)
                        .setLimit(100L)
                        .build())
                .autoPagingIterable());
        List<Subscription> byDefault = all(platform.v1().subscriptions().list().autoPagingIterable());
        List<Subscription> canceled = platform.v1()
                .subscriptions()
                .list(SubscriptionListParams.builder()
                        .setStatus(SubscriptionListParams.Status.CANCELED)
                        .build())
                .getData();

        assertThat(all).hasSize(25);
        assertThat(canceled).hasSize(3).allSatisfy(sub -> assertThat(sub.getStatus())
                .isEqualTo("canceled"));
        assertThat(byDefault)
                .hasSize(22)
                .extracting(Subscription::getStatus)
                .doesNotContain("canceled")
                .contains("active", "trialing", "past_due");
        assertThat(canceled)
                .extracting(Subscription::getId)
                .as("the lifecycle's own subscription ends canceled")
                .contains(played);
    }

    @Test
    void createdRangesAndFiltersSelectLikeStripe() throws Exception {
        emulator.seedPayments(platformId, false, 20, 60, 0, 0);
        List<PaymentIntent> intents = all(platform.v1()
                .paymentIntents()
                .list(PaymentIntentListParams.builder().setLimit(100L).build())
                .autoPagingIterable());
        long from = intents.get(40).getCreated();
        long to = intents.get(10).getCreated();

        List<PaymentIntent> inRange = all(platform.v1()
                .paymentIntents()
                .list(PaymentIntentListParams.builder()
                        .setCreated(PaymentIntentListParams.Created.builder()
                                .setGte(from)
                                .setLt(to)
                                .build())
                        .build())
                .autoPagingIterable());
        assertThat(inRange)
                .extracting(PaymentIntent::getId)
                .containsExactlyElementsOf(intents.subList(11, 41).stream()
                        .map(PaymentIntent::getId)
                        .toList());

        String customer = intents.get(0).getCustomer();
        List<PaymentIntent> ofCustomer = all(platform.v1()
                .paymentIntents()
                .list(PaymentIntentListParams.builder().setCustomer(customer).build())
                .autoPagingIterable());
        assertThat(ofCustomer)
                .hasSize((int) intents.stream()
                        .filter(intent -> customer.equals(intent.getCustomer()))
                        .count())
                .isNotEmpty();
        List<Charge> charges = platform.v1()
                .charges()
                .list(ChargeListParams.builder()
                        .setPaymentIntent(intents.get(5).getId())
                        .build())
                .getData();
        assertThat(charges).singleElement().satisfies(charge -> {
            assertThat(charge.getStatus()).isEqualTo("succeeded");
            assertThat(charge.getCustomer()).isEqualTo(intents.get(5).getCustomer());
            assertThat(charge.getAmount()).isEqualTo(intents.get(5).getAmount());
        });
        assertThatThrownBy(() -> raw(platform, "/v1/payment_intents?colour=blue"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("parameter_unknown");
                });
    }

    @Test
    void rawRequestsPageBothWaysInStripesEnvelope() throws Exception {
        emulator.seedPayments(platformId, false, 25, 0, 0, 0);

        JsonNode first = raw(platform, "/v1/customers?limit=10");
        assertThat(first.path("object").asString()).isEqualTo("list");
        assertThat(first.path("url").asString()).isEqualTo("/v1/customers");
        assertThat(first.path("has_more").asBoolean()).isTrue();
        List<String> firstIds = ids(first);
        JsonNode second = raw(platform, "/v1/customers?limit=10&starting_after=" + firstIds.get(9));
        JsonNode back = raw(
                platform, "/v1/customers?limit=3&ending_before=" + ids(second).get(0));

        assertThat(ids(back)).containsExactlyElementsOf(firstIds.subList(7, 10));
        assertThat(back.path("has_more").asBoolean()).isTrue();
        JsonNode last = raw(
                platform, "/v1/customers?limit=10&starting_after=" + ids(second).get(9));
        assertThat(ids(last)).hasSize(5);
        assertThat(last.path("has_more").asBoolean()).isFalse();
    }

    @Test
    void retrieveAnswersEachKindAndStripes404ForAnUnknownId() throws Exception {
        emulator.enact("card_checkout_success", platformId, false);
        emulator.enact("partial_and_full_refund", platformId, false);
        emulator.enact("dispute_lost", platformId, false);
        emulator.enact("subscription_created_out_of_order_same_second", platformId, false);
        emulator.enact("payout_failed", platformId, false);
        for (PaymentKind kind : PaymentKind.values()) {
            JsonNode list = raw(platform, kind.collection());
            assertThat(ids(list)).as(kind.collection()).isNotEmpty();
            String id = ids(list).get(0);
            JsonNode retrieved = raw(platform, kind.url(id));
            assertThat(retrieved).as(kind.url(id)).isEqualTo(list.path("data").get(0));
            assertThat(retrieved.path("object").asString()).isEqualTo(kind.objectType);
        }

        assertThatThrownBy(() -> platform.v1().customers().retrieve("cus_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getStripeError().getMessage()).isEqualTo("No such customer: 'cus_missing'");
                });
        assertThatThrownBy(() -> raw(platform, "/v1/checkout/sessions/cs_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(
                                e.getStripeError().getMessage())
                        .isEqualTo("No such checkout.session: 'cs_missing'"));
    }

    @Test
    void aDeletedCustomerLeavesListsAndRetrievesAsDeleted() throws Exception {
        List<EmulatedEvent> events = emulator.enact("customer_deleted", platformId, false);
        String id = events.get(0).objectId();

        assertThat(platform.v1().customers().list().getData()).isEmpty();
        Customer deleted = platform.v1().customers().retrieve(id);
        assertThat(deleted.getDeleted()).isTrue();
    }

    @Test
    void stripeAccountSeesOnlyTheConnectedAccountsObjectsAndModesStaySeparate() throws Exception {
        EmulatedAccount shop = emulator.createAccount(AccountSpec.newConnected());
        List<EmulatedEvent> played = emulator.enact("payout_paid", shop.id(), false);
        emulator.seedPayments(platformId, true, 5, 0, 0, 0);
        StripeClient asShop =
                Clients.forConnected(emulator, emulator.platformAccount().testSecretKey(), shop.id());
        StripeClient live = Clients.forKey(emulator, emulator.platformAccount().liveSecretKey());

        assertThat(asShop.v1().payouts().list().getData()).singleElement().satisfies(payout -> assertThat(
                        payout.getId())
                .isEqualTo(played.get(1).objectId()));
        assertThat(platform.v1().payouts().list().getData()).isEmpty();
        assertThatThrownBy(() -> platform.v1().payouts().retrieve(played.get(1).objectId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStatusCode())
                        .isEqualTo(404));
        assertThat(platform.v1().customers().list().getData()).isEmpty();
        assertThat(live.v1().customers().list().getData())
                .hasSize(5)
                .allSatisfy(customer -> assertThat(customer.getLivemode()).isTrue());

        Balance balance = asShop.v1().balance().retrieve();
        assertThat(balance.getLivemode()).isFalse();
        assertThat(balance.getAvailable()).isNotEmpty();
        assertThat(platform.v1().balance().retrieve().getAvailable())
                .singleElement()
                .satisfies(money -> assertThat(money.getAmount()).isZero());
    }

    @Test
    void servedObjectsAreListedToo() throws Exception {
        emulator.serveObject(
                platformId,
                false,
                "/v1/invoices",
                "{\"id\":\"in_served\",\"object\":\"invoice\",\"customer\":\"cus_x\",\"created\":1700000000}");

        assertThat(platform.v1().invoices().list().getData())
                .singleElement()
                .extracting(Invoice::getId)
                .isEqualTo("in_served");
    }

    static JsonNode raw(StripeClient client, String path) throws Exception {
        return JSON.readTree(
                client.rawRequest(ApiResource.RequestMethod.GET, path, null).body());
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("data").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    static <T> List<T> all(Iterable<T> items) {
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    private static void assertNewestFirst(List<Long> created) {
        List<Long> sorted = new ArrayList<>(created);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertThat(created).isEqualTo(sorted);
    }
}
