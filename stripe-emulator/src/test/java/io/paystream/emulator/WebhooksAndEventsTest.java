package io.paystream.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.AccountLink;
import com.stripe.model.Event;
import com.stripe.model.Product;
import com.stripe.model.StripeObject;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.Webhook;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductUpdateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhooksAndEventsTest {

    private StripeEmulator emulator;
    private WebhookReceiver receiver;
    private StripeClient platform;

    @BeforeEach
    void start() {
        emulator = StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits());
        receiver = new WebhookReceiver();
        platform = Clients.forKey(emulator, emulator.platformAccount().testSecretKey());
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    @Test
    void anEndpointReceivesSignedEventsThatStripeJavaVerifies() throws Exception {
        WebhookEndpoint endpoint = platform.v1()
                .webhookEndpoints()
                .create(WebhookEndpointCreateParams.builder()
                        .setUrl(receiver.url())
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.PRODUCT__CREATED)
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.PRODUCT__UPDATED)
                        .build());
        assertThat(endpoint.getSecret()).startsWith("whsec_");
        assertThat(platform.v1().webhookEndpoints().retrieve(endpoint.getId()).getSecret())
                .as("the secret shows only on create")
                .isNull();
        assertThat(emulator.webhookEndpoints(emulator.platformAccount().id()))
                .singleElement()
                .satisfies(view -> {
                    assertThat(view.secret()).isEqualTo(endpoint.getSecret());
                    assertThat(view.enabledEvents()).containsExactly("product.created", "product.updated");
                });

        Product product = platform.v1()
                .products()
                .create(ProductCreateParams.builder().setName("Hat").build());
        platform.v1()
                .products()
                .update(
                        product.getId(),
                        ProductUpdateParams.builder().setName("Cap").build());
        platform.v1().products().delete(product.getId());

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 2);
        List<Event> events = receiver.deliveries().stream()
                .map(delivery -> constructEvent(delivery, endpoint.getSecret()))
                .toList();
        assertThat(events).extracting(Event::getType).containsExactlyInAnyOrder("product.created", "product.updated");
        Event updated = events.stream()
                .filter(event -> event.getType().equals("product.updated"))
                .findFirst()
                .orElseThrow();
        StripeObject object = updated.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(((Product) object).getName()).isEqualTo("Cap");
        assertThat(updated.getData().getPreviousAttributes()).containsEntry("name", "Hat");
        assertThat(updated.getApiVersion()).isEqualTo(EmulatorSettings.API_VERSION);
        assertThat(updated.getRequest().getId()).startsWith("req_");

        WebhookEndpoint deleted = platform.v1().webhookEndpoints().delete(endpoint.getId());
        assertThat(deleted.getDeleted()).isTrue();
        assertThat(emulator.webhookEndpoints(emulator.platformAccount().id())).isEmpty();
    }

    @Test
    void theEventsApiListsEveryChangeWithFilters() throws Exception {
        Product product = platform.v1()
                .products()
                .create(ProductCreateParams.builder().setName("Mug").build());
        platform.v1()
                .products()
                .update(
                        product.getId(),
                        ProductUpdateParams.builder().setActive(false).build());
        emulator.seedCatalog(emulator.platformAccount().id(), false, 5, 1);

        List<Event> all = platform.v1().events().list().getData();
        assertThat(all).extracting(Event::getType).containsExactly("product.updated", "product.created");
        List<Event> created = platform.v1()
                .events()
                .list(EventListParams.builder().setType("product.created").build())
                .getData();
        assertThat(created).singleElement().satisfies(event -> assertThat(event.getId())
                .startsWith("evt_"));
        assertThat(platform.v1()
                        .events()
                        .list(EventListParams.builder().setType("product.*").build())
                        .getData())
                .hasSize(2);
        assertThat(platform.v1()
                        .events()
                        .list(EventListParams.builder()
                                .setCreated(EventListParams.Created.builder()
                                        .setGt(all.get(0).getCreated())
                                        .build())
                                .build())
                        .getData())
                .isEmpty();
        assertThat(platform.v1().events().retrieve(all.get(0).getId()).getType())
                .isEqualTo("product.updated");
    }

    @Test
    void completingOnboardingSendsAccountUpdatedToThePlatformsConnectEndpoint() throws Exception {
        WebhookEndpoint connectEndpoint = platform.v1()
                .webhookEndpoints()
                .create(WebhookEndpointCreateParams.builder()
                        .setUrl(receiver.url())
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ACCOUNT__UPDATED)
                        .setConnect(true)
                        .build());
        EmulatedAccount connected = emulator.createAccount(AccountSpec.newConnected());
        AccountLink link = platform.v1()
                .accountLinks()
                .create(AccountLinkCreateParams.builder()
                        .setAccount(connected.id())
                        .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                        .setRefreshUrl("http://localhost/refresh")
                        .setReturnUrl("http://localhost/return")
                        .build());
        assertThat(link.getUrl()).startsWith(emulator.baseUrl() + "/connect/onboarding/");
        assertThat(link.getExpiresAt()).isGreaterThan(link.getCreated());

        HttpClient browser =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(URI.create(link.getUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"");
        HttpResponse<String> submitted = browser.send(
                HttpRequest.newBuilder(URI.create(link.getUrl()))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).isEqualTo(303);
        assertThat(submitted.headers().firstValue("Location")).hasValue("http://localhost/return");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.deliveries().isEmpty());
        Event event = constructEvent(receiver.deliveries().get(0), connectEndpoint.getSecret());
        assertThat(event.getType()).isEqualTo("account.updated");
        assertThat(event.getAccount()).isEqualTo(connected.id());
        com.stripe.model.Account account = (com.stripe.model.Account)
                event.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(account.getChargesEnabled()).isTrue();
        assertThat(account.getRequirements().getCurrentlyDue()).isEmpty();
        assertThat(event.getData().getPreviousAttributes()).containsEntry("charges_enabled", false);
        assertThat(Clients.forConnected(emulator, emulator.platformAccount().testSecretKey(), connected.id())
                        .v1()
                        .events()
                        .list()
                        .getData())
                .extracting(Event::getType)
                .containsExactly("account.updated");

        HttpResponse<String> reused = browser.send(
                HttpRequest.newBuilder(URI.create(link.getUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reused.statusCode()).as("links are single use").isEqualTo(404);
    }

    @Test
    void sendWebhooksToGetsEveryEventAndFailedDeliveriesAreRetried() throws Exception {
        emulator.sendWebhooksTo(receiver.url(), "whsec_dashboard");
        receiver.failNext(2);
        EmulatedAccount connected = emulator.createAccount(AccountSpec.newConnected());

        emulator.updateAccount(connected.id(), AccountSpec::onboarded);

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().size() == 3);
        List<Event> attempts = receiver.deliveries().stream()
                .map(delivery -> constructEvent(delivery, "whsec_dashboard"))
                .toList();
        assertThat(attempts)
                .extracting(Event::getId)
                .containsOnly(attempts.get(0).getId());
        Event event = attempts.get(2);
        assertThat(event.getType()).isEqualTo("account.updated");
        assertThat(event.getRequest().getId()).isNull();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Clients.forConnected(
                                        emulator, emulator.platformAccount().testSecretKey(), connected.id())
                                .v1()
                                .events()
                                .retrieve(event.getId())
                                .getPendingWebhooks()
                        == 0);
    }

    @Test
    void aDashboardUrlHearsThePlatformButNotAnIndependentAccount() throws Exception {
        emulator.sendWebhooksTo(receiver.url(), "whsec_dashboard");
        EmulatedAccount shop = emulator.createAccount(AccountSpec.activeStandalone());
        Clients.forKey(emulator, shop.testSecretKey())
                .v1()
                .products()
                .create(ProductCreateParams.builder().setName("The shop's own").build());
        platform.v1()
                .products()
                .create(ProductCreateParams.builder().setName("Marker").build());

        // one delivery thread, in event order: once the later platform event arrived, the shop's would have too
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries().stream()
                .anyMatch(d -> d.body().contains("Marker")));
        assertThat(receiver.deliveries()).hasSize(1).noneMatch(delivery -> delivery.body()
                .contains("The shop's own"));
    }

    @Test
    void seedingSendsNoEvents() throws Exception {
        emulator.sendWebhooksTo(receiver.url(), "whsec_dashboard");
        emulator.seedCatalog(emulator.platformAccount().id(), false, 20, 2);
        platform.v1()
                .products()
                .create(ProductCreateParams.builder().setName("Marker").build());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.deliveries().isEmpty());
        assertThat(receiver.deliveries()).hasSize(1);
        assertThat(platform.v1().events().list().getData()).hasSize(1);
    }

    @Test
    void endpointsRejectBadUrlsAndUnknownEventTypes() {
        assertThatThrownBy(() -> platform.v1()
                        .webhookEndpoints()
                        .create(WebhookEndpointCreateParams.builder()
                                .setUrl("ftp://example.com/hook")
                                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.PRODUCT__CREATED)
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getParam()).isEqualTo("url");
                });
        assertThatThrownBy(() -> platform.v1()
                        .webhookEndpoints()
                        .create(WebhookEndpointCreateParams.builder()
                                .setUrl(receiver.url())
                                .putExtraParam("enabled_events[0]", "product.exploded")
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getParam())
                        .isEqualTo("enabled_events[0]"));
    }

    private static Event constructEvent(WebhookReceiver.Delivery delivery, String secret) {
        try {
            return Webhook.constructEvent(delivery.body(), delivery.signature(), secret);
        } catch (Exception e) {
            throw new AssertionError("Signature did not verify", e);
        }
    }
}
