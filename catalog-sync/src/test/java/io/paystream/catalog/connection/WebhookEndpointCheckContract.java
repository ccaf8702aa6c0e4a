package io.paystream.catalog.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.param.WebhookEndpointUpdateParams;
import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.emulator.WebhookEndpointView;
import io.paystream.events.SubscribedStripeEvents;
import io.paystream.events.Topics;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.events.endpoint.WebhookEndpointRegistration;
import io.paystream.testsupport.kafka.TopicReader;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The webhook endpoint check, whatever MongoDB and Kafka run underneath: a disabled endpoint is found, re-enabled and
 * reported (connection API, domain event, metric); a deleted one is re-created and its new secret registered for
 * webhook-ingest as connecting does; one subscribed to other events is set right.
 */
abstract class WebhookEndpointCheckContract extends ConnectionTestBase {

    private static final SecretCipher CIPHER =
            SecretCipher.fromBase64Keys("k1", Map.of("k1", SharedInfrastructure.KEY_1));

    @Autowired
    WebhookEndpointChecks checks;

    @Autowired
    MeterRegistry meters;

    @Test
    void aDisabledEndpointIsDetectedReportedAndReEnabled() throws Exception {
        EmulatedAccount account = payingAccount();
        String id = connect(account);
        String endpointId = stripe.webhookEndpoints(account.id()).get(0).id();
        client(account)
                .v1()
                .webhookEndpoints()
                .update(
                        endpointId,
                        WebhookEndpointUpdateParams.builder().setDisabled(true).build());
        double repairsBefore = repairs("re_enabled");

        checks.checkAll();

        assertThat(client(account).v1().webhookEndpoints().retrieve(endpointId).getStatus())
                .isEqualTo("enabled");
        JsonNode view = api.get("/api/connections/" + id).body();
        assertThat(view.path("webhookEndpointProblem").asString()).isEqualTo("disabled");
        assertThat(view.path("webhookEndpointRepair").asString()).isEqualTo("re_enabled");
        assertThat(view.path("webhookEndpointId").asString()).isEqualTo(endpointId);
        assertThat(repairs("re_enabled")).isEqualTo(repairsBefore + 1);
        assertThat(meters.get("paystream.catalog.webhook_endpoint_problems")
                        .tag("problem", "disabled")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(1);
        try (TopicReader feed = TopicReader.fromBeginning(kafkaBootstrap(), Topics.PAYMENTS_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> changes = awaitWithKey(feed, id, records -> records.stream()
                    .anyMatch(r -> TopicReader.text(r).contains("Webhook endpoint: disabled at Stripe (re enabled)")));
            assertThat(changes).isNotEmpty();
        }

        checks.checkAll();
        JsonNode again = api.get("/api/connections/" + id).body();
        assertThat(again.path("webhookEndpointProblem").isNull())
                .as("fine at the next check: " + again)
                .isTrue();
    }

    @Test
    void aDeletedEndpointIsReCreatedAndItsNewSecretRegistered() throws Exception {
        EmulatedAccount account = payingAccount();
        String id = connect(account);
        String oldEndpoint = stripe.webhookEndpoints(account.id()).get(0).id();
        client(account).v1().webhookEndpoints().delete(oldEndpoint);

        checks.checkAll();

        List<WebhookEndpointView> endpoints = stripe.webhookEndpoints(account.id());
        WebhookEndpointView created = endpoints.get(endpoints.size() - 1);
        assertThat(created.id()).isNotEqualTo(oldEndpoint);
        assertThat(created.url()).isEqualTo(SharedInfrastructure.PUBLIC_BASE_URL + "/webhooks/stripe/" + id);
        assertThat(created.enabledEvents()).containsExactlyElementsOf(SubscribedStripeEvents.TYPES);
        JsonNode view = api.get("/api/connections/" + id).body();
        assertThat(view.path("webhookEndpointId").asString()).isEqualTo(created.id());
        assertThat(view.path("webhookEndpointProblem").asString()).isEqualTo("deleted");
        assertThat(view.path("webhookEndpointRepair").asString()).isEqualTo("re_created");
        try (TopicReader registrations = TopicReader.fromBeginning(kafkaBootstrap(), Topics.WEBHOOK_ENDPOINTS)) {
            List<ConsumerRecord<String, byte[]>> records = awaitWithKey(registrations, id, r -> r.size() >= 2);
            WebhookEndpointRegistration latest = ConnectionApi.JSON.readValue(
                    records.get(records.size() - 1).value(), WebhookEndpointRegistration.class);
            assertThat(CIPHER.decrypt(latest.encryptedSecrets().get(0)))
                    .as("webhook-ingest learns the new endpoint's secret")
                    .isEqualTo(created.secret());
        }
    }

    @Test
    void anEndpointSubscribedToOtherEventsIsSetRight() throws Exception {
        EmulatedAccount account = payingAccount();
        String id = connect(account);
        String endpointId = stripe.webhookEndpoints(account.id()).get(0).id();
        client(account)
                .v1()
                .webhookEndpoints()
                .update(
                        endpointId,
                        WebhookEndpointUpdateParams.builder()
                                .putExtraParam("enabled_events", List.of("charge.succeeded"))
                                .build());

        checks.checkAll();

        assertThat(stripe.webhookEndpoints(account.id()).get(0).enabledEvents())
                .containsExactlyInAnyOrderElementsOf(SubscribedStripeEvents.TYPES);
        JsonNode view = api.get("/api/connections/" + id).body();
        assertThat(view.path("webhookEndpointProblem").asString()).isEqualTo("wrong_events");
        assertThat(view.path("webhookEndpointRepair").asString()).isEqualTo("events_fixed");
    }

    private double repairs(String repair) {
        return meters.find("paystream.catalog.webhook_endpoint_repairs").tag("repair", repair).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private StripeClient client(EmulatedAccount account) {
        return StripeClient.builder()
                .setApiKey(account.testSecretKey())
                .setApiBase(stripe.baseUrl())
                .build();
    }
}
