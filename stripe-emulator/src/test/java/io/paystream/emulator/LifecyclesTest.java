package io.paystream.emulator;

import static io.paystream.emulator.PaymentObjectsTest.JSON;
import static io.paystream.emulator.PaymentObjectsTest.ids;
import static io.paystream.emulator.PaymentObjectsTest.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import com.stripe.param.EventListParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Played lifecycles: stored objects, webhooks and the Events API agree, and webhook faults show in the Events API. */
class LifecyclesTest {

    private static final String SECRET = "whsec_lifecycles";

    private StripeEmulator emulator;
    private WebhookReceiver receiver;
    private StripeClient platform;
    private String platformId;

    @BeforeEach
    void start() {
        emulator = StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
        receiver = new WebhookReceiver();
        emulator.sendWebhooksTo(receiver.url(), SECRET);
        platformId = emulator.platformAccount().id();
        platform = Clients.forKey(emulator, emulator.platformAccount().testSecretKey());
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    @Test
    void aLifecyclesObjectsWebhooksAndEventsAgree() throws Exception {
        List<EmulatedEvent> played = emulator.enact("card_checkout_success", platformId, false);

        assertThat(played)
                .extracting(EmulatedEvent::type)
                .containsExactly(
                        "customer.created",
                        "payment_intent.created",
                        "payment_intent.succeeded",
                        "charge.succeeded",
                        "checkout.session.completed",
                        "charge.updated");
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.deliveries().size() == played.size());
        List<Event> delivered = receiver.deliveries().stream()
                .map(delivery -> verified(delivery.body(), delivery.signature()))
                .toList();
        assertThat(delivered)
                .extracting(Event::getId)
                .containsExactlyInAnyOrderElementsOf(
                        played.stream().map(EmulatedEvent::id).toList());

        JsonNode listed = raw(platform, "/v1/events?limit=100");
        assertThat(ids(listed)).containsExactlyElementsOf(newestFirst(played));
        JsonNode lastChargeEvent = listed.path("data").get(0);
        assertThat(lastChargeEvent.path("type").asString()).isEqualTo("charge.updated");
        assertThat(lastChargeEvent.path("created").asLong())
                .as("the lifecycle ends now")
                .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 5);
        String chargeId = played.get(played.size() - 1).objectId();
        assertThat(raw(platform, "/v1/charges/" + chargeId))
                .as("the latest state wins")
                .isEqualTo(lastChargeEvent.path("data").path("object"));
        JsonNode deliveredCharge = receiver.deliveries().stream()
                .map(delivery -> JSON.readTree(delivery.body()))
                .filter(event -> event.path("id")
                        .asString()
                        .equals(lastChargeEvent.path("id").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(deliveredCharge.path("data")).isEqualTo(lastChargeEvent.path("data"));
        assertThat(platform.v1()
                        .paymentIntents()
                        .retrieve(played.get(1).objectId())
                        .getStatus())
                .isEqualTo("succeeded");
        assertThat(platform.v1().checkout().sessions().list().getData()).hasSize(1);
    }

    @Test
    void eachPlayHasFreshIdsAndAConnectedAccountsEventsNameIt() throws Exception {
        EmulatedAccount shop = emulator.createAccount(AccountSpec.newConnected());
        List<EmulatedEvent> first = emulator.enact("payout_failed", shop.id(), false);
        List<EmulatedEvent> second = emulator.enact("payout_failed", shop.id(), false);

        assertThat(first.get(0).objectId()).isNotEqualTo(second.get(0).objectId());
        StripeClient asShop =
                Clients.forConnected(emulator, emulator.platformAccount().testSecretKey(), shop.id());
        List<Event> events = asShop.v1()
                .events()
                .list(EventListParams.builder()
                        .setType("payout.*")
                        .setLimit(100L)
                        .build())
                .getData();
        assertThat(events).hasSize(8).allSatisfy(event -> assertThat(event.getAccount())
                .isEqualTo(shop.id()));
        assertThat(asShop.v1().payouts().list().getData())
                .hasSize(2)
                .allSatisfy(payout -> assertThat(payout.getStatus()).isEqualTo("failed"));
        assertThat(platform.v1().events().list().getData()).isEmpty();
    }

    @Test
    void deliverySuccessFalseFindsExactlyTheEventsWhoseDeliveryWasDropped() throws Exception {
        emulator.dropWebhooks(0.3, 42);
        List<EmulatedEvent> played = emulator.enact("subscription_trial_to_canceled", platformId, false);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> receiver.deliveries().size() + emulator.droppedWebhooks() == played.size());
        Set<String> received = new HashSet<>();
        receiver.deliveries()
                .forEach(delivery ->
                        received.add(JSON.readTree(delivery.body()).path("id").asString()));
        List<String> dropped = played.stream()
                .map(EmulatedEvent::id)
                .filter(id -> !received.contains(id))
                .toList();
        assertThat(dropped)
                .hasSize((int) emulator.droppedWebhooks())
                .isNotEmpty()
                .hasSizeLessThan(played.size());

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ids(raw(platform, "/v1/events?limit=100&delivery_success=false")))
                        .containsExactlyInAnyOrderElementsOf(dropped));
        assertThat(ids(raw(platform, "/v1/events?limit=100&delivery_success=true")))
                .containsExactlyInAnyOrderElementsOf(received);

        emulator.dropWebhooks(0, 0);
        List<EmulatedEvent> later = emulator.enact("customer_deleted", platformId, false);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.deliveries().size() == received.size() + later.size());
    }

    @Test
    void aThinEventNamesTheObjectToFetch() throws Exception {
        EmulatedAccount shop = emulator.createAccount(AccountSpec.newConnected());

        EmulatedEvent sent = emulator.sendThinEvent(shop.id(), false, "checkout.session", "cs_test_1");
        emulator.sendThinEvent(platformId, true, "customer", "cus_1");

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.deliveries().size() == 2);
        WebhookReceiver.Delivery delivery = receiver.deliveries().stream()
                .filter(candidate -> candidate.body().contains(sent.id()))
                .findFirst()
                .orElseThrow();
        Webhook.Signature.verifyHeader(delivery.body(), delivery.signature(), SECRET, 300);
        JsonNode thin = JSON.readTree(delivery.body());
        assertThat(thin.path("object").asString()).isEqualTo("v2.core.event");
        assertThat(thin.path("id").asString()).startsWith("evt_").isEqualTo(sent.id());
        assertThat(thin.path("type").asString()).isEqualTo("v1.checkout.session.updated");
        assertThat(Instant.parse(thin.path("created").asString()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(thin.path("livemode").asBoolean()).isFalse();
        assertThat(thin.path("context").asString()).isEqualTo(shop.id());
        assertThat(thin.path("related_object").path("id").asString()).isEqualTo("cs_test_1");
        assertThat(thin.path("related_object").path("type").asString()).isEqualTo("checkout.session");
        assertThat(thin.path("related_object").path("url").asString()).isEqualTo("/v1/checkout/sessions/cs_test_1");
        JsonNode platformThin = receiver.deliveries().stream()
                .map(candidate -> JSON.readTree(candidate.body()))
                .filter(event -> !event.path("id").asString().equals(sent.id()))
                .findFirst()
                .orElseThrow();
        assertThat(platformThin.has("context")).isFalse();
        assertThat(platformThin.path("livemode").asBoolean()).isTrue();
        assertThat(platformThin.path("related_object").path("url").asString()).isEqualTo("/v1/customers/cus_1");
        assertThat(platform.v1().events().list().getData())
                .as("thin events are not v1 events")
                .isEmpty();
    }

    @Test
    void eventsOlderThanTheRetentionAreGone() throws Exception {
        emulator.setEventRetention(Duration.ofDays(30));
        List<EmulatedEvent> played = emulator.enact("subscription_trial_to_canceled", platformId, false);

        List<Event> kept = platform.v1()
                .events()
                .list(EventListParams.builder().setLimit(100L).build())
                .getData();
        long oldest = Instant.now().minus(Duration.ofDays(30)).getEpochSecond() - 5;
        assertThat(kept).isNotEmpty().hasSizeLessThan(played.size()).allSatisfy(event -> assertThat(event.getCreated())
                .isGreaterThanOrEqualTo(oldest));
        assertThatThrownBy(() -> platform.v1().events().retrieve(played.get(0).id()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getStatusCode())
                        .isEqualTo(404));

        emulator.setEventRetention(null);
        assertThat(platform.v1()
                        .events()
                        .list(EventListParams.builder().setLimit(100L).build())
                        .getData())
                .hasSize(played.size());
    }

    @Test
    void aRateLimitBurstAnswers429UntilItEnds() throws Exception {
        emulator.rateLimitBurst(Duration.ofMillis(300));

        assertThatThrownBy(() -> platform.v1().customers().list())
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getCode()).isEqualTo("rate_limit");
                });
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptionsInstanceOf(RateLimitException.class)
                .until(() -> platform.v1().customers().list() != null);
    }

    @Test
    void theControlEndpointsPlayLifecyclesSeedAndSendThinEventsForTheLocalStack() throws Exception {
        EmulatedAccount shop = emulator.createAccount(AccountSpec.newConnected());
        HttpResponse<String> played = post("/_emulator/lifecycles/payout_paid?account=" + shop.id());
        assertThat(played.statusCode()).isEqualTo(200);
        JsonNode events = JSON.readTree(played.body());
        assertThat(events.path("data")).hasSize(7);
        assertThat(events.path("data").get(1).path("type").asString()).isEqualTo("payout.created");
        String payoutId = events.path("data").get(1).path("object_id").asString();
        StripeClient asShop =
                Clients.forConnected(emulator, emulator.platformAccount().testSecretKey(), shop.id());
        assertThat(asShop.v1().payouts().retrieve(payoutId).getStatus()).isEqualTo("paid");

        assertThat(post("/_emulator/seed-payments?customers=3&payment_intents=4&livemode=true")
                        .statusCode())
                .isEqualTo(200);
        StripeClient live = Clients.forKey(emulator, emulator.platformAccount().liveSecretKey());
        assertThat(live.v1().paymentIntents().list().getData()).hasSize(4);

        HttpResponse<String> thin = post("/_emulator/thin-events?object_type=customer&object_id=cus_9");
        assertThat(JSON.readTree(thin.body()).path("type").asString()).isEqualTo("v1.customer.updated");
        assertThat(post("/_emulator/drop-webhooks?share=0").statusCode()).isEqualTo(200);
        emulator.setRateLimits(1, 1);
        assertThat(post("/_emulator/rate-limits?test=0&live=0").statusCode()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(live.v1().customers().list().getData())
                    .as("rate limits are off")
                    .isNotNull();
        }

        assertThat(post("/_emulator/lifecycles/no_such_thing").statusCode()).isEqualTo(404);
        assertThat(post("/_emulator/seed-payments?customers=3&account=acct_nobody")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/_emulator/thin-events?object_type=customer").statusCode())
                .isEqualTo(400);
    }

    private HttpResponse<String> post(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> newestFirst(List<EmulatedEvent> played) {
        List<String> ids =
                new java.util.ArrayList<>(played.stream().map(EmulatedEvent::id).toList());
        java.util.Collections.reverse(ids);
        return ids;
    }

    private static Event verified(String body, String signature) {
        try {
            return Webhook.constructEvent(body, signature, SECRET);
        } catch (Exception e) {
            throw new AssertionError("Signature did not verify", e);
        }
    }
}
