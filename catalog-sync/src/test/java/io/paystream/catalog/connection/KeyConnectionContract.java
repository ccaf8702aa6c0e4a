package io.paystream.catalog.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.stripe.net.Webhook;
import io.paystream.catalog.sync.SyncTarget;
import io.paystream.emulator.AccountSpec;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.emulator.EmulatorSettings;
import io.paystream.emulator.WebhookEndpointView;
import io.paystream.events.SubscribedStripeEvents;
import io.paystream.events.Topics;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.events.domain.DomainEventTypes;
import io.paystream.events.endpoint.WebhookEndpointRegistration;
import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeWebhookSigner;
import io.paystream.testsupport.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Connecting by API keys, whatever MongoDB and Kafka run underneath. */
abstract class KeyConnectionContract extends ConnectionTestBase {

    private static final SecretCipher CIPHER =
            SecretCipher.fromBase64Keys("k1", Map.of("k1", SharedInfrastructure.KEY_1));

    @Test
    void aWorkingKeyPairConnectsTheAccountAndRegistersItsWebhookEndpoint() throws Exception {
        EmulatedAccount account = payingAccount();

        ConnectionApi.Reply reply = api.post("/api/connections", keyRequest(account));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        JsonNode body = reply.body();
        String id = body.path("id").asString();
        assertThat(id).matches("conn_[A-Za-z0-9]{24}");
        assertThat(reply.header("Location")).isEqualTo("/api/connections/" + id);
        assertThat(body.path("kind").asString()).isEqualTo("keys");
        assertThat(body.path("mode").asString()).isEqualTo("test");
        assertThat(body.path("status").asString()).isEqualTo("active");
        assertThat(body.path("accountId").asString()).isEqualTo(account.id());
        assertThat(body.path("country").asString()).isEqualTo("US");
        assertThat(body.path("currency").asString()).isEqualTo("usd");
        assertThat(body.path("enabled").asBoolean()).isTrue();
        assertThat(body.path("secretKey").asString()).isEqualTo("sk_test_..." + last4(account.testSecretKey()));
        assertThat(body.path("publishableKey").asString())
                .isEqualTo("pk_test_..." + last4(account.testPublishableKey()));
        assertThat(reply.raw().body()).doesNotContain(account.testSecretKey());

        List<WebhookEndpointView> endpoints = stripe.webhookEndpoints(account.id());
        assertThat(endpoints).hasSize(1);
        WebhookEndpointView endpoint = endpoints.get(0);
        assertThat(endpoint.url()).isEqualTo(SharedInfrastructure.PUBLIC_BASE_URL + "/webhooks/stripe/" + id);
        assertThat(endpoint.enabledEvents()).containsExactlyElementsOf(SubscribedStripeEvents.TYPES);
        assertThat(endpoint.apiVersion()).isEqualTo(EmulatorSettings.API_VERSION);
        assertThat(body.path("webhookEndpointId").asString()).isEqualTo(endpoint.id());

        try (TopicReader registrations = TopicReader.fromBeginning(kafkaBootstrap(), Topics.WEBHOOK_ENDPOINTS)) {
            ConsumerRecord<String, byte[]> record = awaitWithKey(registrations, id, records -> !records.isEmpty())
                    .get(0);
            WebhookEndpointRegistration registration =
                    ConnectionApi.JSON.readValue(record.value(), WebhookEndpointRegistration.class);
            assertThat(registration.endpointId()).isEqualTo(id);
            assertThat(registration.tenant()).isEqualTo("acme");
            assertThat(registration.account()).isEqualTo(account.id());
            assertThat(registration.livemode()).isEqualTo(WebhookEndpointRegistration.TEST);
            String secret = CIPHER.decrypt(registration.encryptedSecrets().get(0));
            assertThat(secret).isEqualTo(endpoint.secret());
            // what webhook-ingest does with the first event Stripe signs for this endpoint
            byte[] event = StripeFixtures.firstOfType("payment_intent.succeeded", "reg" + id.substring(5))
                    .body();
            String payload = new String(event, StandardCharsets.UTF_8);
            assertThat(Webhook.constructEvent(payload, StripeWebhookSigner.header(event, secret), secret)
                            .getId())
                    .startsWith("evt_");
        }

        Document stored = connections().find(Filters.eq("_id", id)).first();
        assertThat(stored.toJson()).doesNotContain(account.testSecretKey()).doesNotContain(endpoint.secret());
        assertThat(stored.getString("secretKeyEnvelope")).startsWith("v1.k1.");
        assertThat(CIPHER.decrypt(stored.getString("secretKeyEnvelope"))).isEqualTo(account.testSecretKey());

        try (TopicReader feed = TopicReader.fromBeginning(kafkaBootstrap(), Topics.PAYMENTS_EVENTS)) {
            JsonNode event = ConnectionApi.JSON.readTree(
                    awaitWithKey(feed, id, records -> !records.isEmpty()).get(0).value());
            assertThat(event.path("type").asString()).isEqualTo(DomainEventTypes.CONNECTION_STATUS_CHANGED);
            assertThat(event.path("source").asString()).isEqualTo("/paystream/catalog-sync/" + account.id());
            assertThat(event.path("data").path("status").asString()).isEqualTo("active");
        }

        assertThat(api.get("/api/connections/" + id).body().path("secretKey").asString())
                .isEqualTo(body.path("secretKey").asString());
        assertThat(syncTargets.targets()).contains(new SyncTarget(account.id(), false, account.testSecretKey(), null));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noFullKeyOrSigningSecretEverReachesTheLogs(CapturedOutput output) {
        EmulatedAccount account = payingAccount();
        String id = connect(account);
        api.post("/api/connections", keyRequest(account)); // already connected
        api.get("/api/connections/" + id);
        api.delete("/api/connections/" + id);
        stripe.revokeKey(account.testSecretKey());
        api.post("/api/connections", keyRequest(account)); // revoked

        assertThat(output.getAll()).contains("sk_test_..." + last4(account.testSecretKey()));
        assertThat(output.getAll()).doesNotContain(account.testSecretKey()).doesNotContain("whsec_");
    }

    @Test
    void aLiveConnectionRefusesTestKeysWithTheSeedsMessage() {
        long lookups = stripe.requestCount("GET", "/v1/account");

        ConnectionApi.Reply reply = api.post("/api/connections", with(keyRequest(payingAccount()), "mode", "live"));

        assertProblem(reply, 422, "test-key-for-live");
        assertThat(reply.body().path("detail").asString())
                .contains("use the key that starts with sk_live_, not sk_test_");
        assertThat(stripe.requestCount("GET", "/v1/account"))
                .as("refused before calling Stripe")
                .isEqualTo(lookups);
    }

    @Test
    void aLiveKeyPairConnectsInLiveMode() {
        EmulatedAccount account = payingAccount();
        Map<String, Object> live = with(
                with(with(keyRequest(account), "mode", "live"), "publishableKey", account.livePublishableKey()),
                "secretKey",
                account.liveSecretKey());

        ConnectionApi.Reply reply = api.post("/api/connections", live);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.body().path("mode").asString()).isEqualTo("live");
        assertThat(reply.body().path("secretKey").asString()).startsWith("sk_live_...");
    }

    @Test
    void keysInTheWrongFieldsAreNamed() {
        EmulatedAccount account = payingAccount();

        ConnectionApi.Reply secretAsPublishable =
                api.post("/api/connections", with(keyRequest(account), "publishableKey", account.testSecretKey()));
        ConnectionApi.Reply publishableAsSecret =
                api.post("/api/connections", with(keyRequest(account), "secretKey", account.testPublishableKey()));

        assertProblem(secretAsPublishable, 422, "wrong-key-type");
        assertThat(secretAsPublishable.body().path("field").asString()).isEqualTo("publishableKey");
        assertThat(secretAsPublishable.raw().body()).doesNotContain(account.testSecretKey());
        assertProblem(publishableAsSecret, 422, "wrong-key-type");
        assertThat(publishableAsSecret.body().path("field").asString()).isEqualTo("secretKey");
    }

    @Test
    void keysFromDifferentModesAreRefused() {
        EmulatedAccount account = payingAccount();

        ConnectionApi.Reply reply =
                api.post("/api/connections", with(keyRequest(account), "publishableKey", account.livePublishableKey()));

        assertProblem(reply, 422, "key-mode-mismatch");
    }

    @Test
    void textThatIsNoStripeKeyIsRefused() {
        ConnectionApi.Reply garbage =
                api.post("/api/connections", with(keyRequest(payingAccount()), "secretKey", "hello-there"));
        ConnectionApi.Reply signingSecret = api.post(
                "/api/connections", with(keyRequest(payingAccount()), "secretKey", "whsec_abcdefghijklmnop1234"));

        assertProblem(garbage, 400, "malformed-key");
        assertProblem(signingSecret, 400, "malformed-key");
        assertThat(signingSecret.body().path("detail").asString()).contains("webhook signing secret");
    }

    @Test
    void missingFieldsAndBrokenBodiesAreInvalidRequests() {
        ConnectionApi.Reply missing = api.post("/api/connections", Map.of("currency", "usd"));
        ConnectionApi.Reply broken = api.postRaw("/api/connections", "{\"secretKey\": \"sk_test_123");

        assertProblem(missing, 400, "invalid-request");
        assertThat(missing.body().path("errors").path("secretKey").asString()).isNotEmpty();
        assertThat(missing.body().path("errors").path("publishableKey").asString())
                .isNotEmpty();
        assertProblem(broken, 400, "invalid-request");
        assertThat(broken.raw().body()).doesNotContain("sk_test_123");
    }

    @Test
    void aMistypedKeyIsNamedMasked() {
        EmulatedAccount account = payingAccount();
        String key = account.testSecretKey();
        // Emulated keys are random; a key that already ends in "X" must be mistyped differently.
        String lastChar = key.endsWith("X") ? "Y" : "X";
        String mistyped = key.substring(0, key.length() - 1) + lastChar;

        ConnectionApi.Reply reply = api.post("/api/connections", with(keyRequest(account), "secretKey", mistyped));

        assertProblem(reply, 422, "invalid-api-key");
        assertThat(reply.body().path("detail").asString()).contains("sk_test_..." + last4(mistyped));
        assertThat(reply.raw().body()).doesNotContain(mistyped);
    }

    @Test
    void aRevokedKeyIsRefused() {
        EmulatedAccount account = payingAccount();
        stripe.revokeKey(account.testSecretKey());

        assertProblem(api.post("/api/connections", keyRequest(account)), 422, "revoked-api-key");
    }

    @Test
    void anAccountThatCannotChargeYetIsRefusedWithWhatIsMissing() {
        EmulatedAccount account = stripe.createAccount(new AccountSpec(
                null,
                "standard",
                "US",
                "usd",
                false,
                false,
                false,
                List.of("external_account", "company.tax_id"),
                List.of(),
                List.of(),
                "requirements.past_due",
                false));

        ConnectionApi.Reply reply = api.post("/api/connections", keyRequest(account));

        assertProblem(reply, 422, "account-cannot-charge");
        assertThat(reply.body().path("missing").toString())
                .contains("Bank account")
                .contains("Tax ID");
        assertThat(stripe.webhookEndpoints(account.id())).isEmpty();
    }

    @Test
    void aCurrencyTheAccountCannotChargeInIsRefused() {
        ConnectionApi.Reply reply = api.post("/api/connections", with(keyRequest(payingAccount()), "currency", "kes"));

        assertProblem(reply, 422, "unsupported-currency");
        assertThat(reply.body().path("supportedCurrencies").toString()).contains("usd");
    }

    @Test
    void stripeFailingIsRetryableAndLeavesNothingBehind() {
        EmulatedAccount account = payingAccount();
        stripe.failNext(2, 503); // the call and stripe-java's one retry

        ConnectionApi.Reply reply = api.post("/api/connections", keyRequest(account));

        assertProblem(reply, 503, "stripe-unavailable");
        assertThat(reply.body().path("retryable").asBoolean()).isTrue();
        assertThat(reply.header("Retry-After")).isNotNull();
        assertThat(connections().countDocuments(Filters.eq("accountId", account.id())))
                .isZero();
    }

    @Test
    void anAccountConnectedTwiceIsAConflict() {
        EmulatedAccount account = payingAccount();
        String first = connect(account);

        ConnectionApi.Reply again = api.post("/api/connections", keyRequest(account));

        assertProblem(again, 409, "already-connected");
        assertThat(again.body().path("connectionId").asString()).isEqualTo(first);
        assertThat(stripe.webhookEndpoints(account.id())).hasSize(1);
    }

    @Test
    void whenTheRegistrationCannotBePublishedTheEndpointIsDeletedAndNothingIsStored() throws Exception {
        EmulatedAccount account = payingAccount();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
            // A real broker refusal: the registration record no longer fits the topic.
            setMaxMessageBytes(admin, "100");
            try {
                ConnectionApi.Reply reply = api.post("/api/connections", keyRequest(account));

                assertProblem(reply, 503, "event-bus-unavailable");
            } finally {
                setMaxMessageBytes(admin, "1048588");
            }
        }
        assertThat(stripe.webhookEndpoints(account.id()))
                .as("compensated on Stripe")
                .isEmpty();
        assertThat(connections().countDocuments(Filters.eq("accountId", account.id())))
                .isZero();
        assertThat(connect(account)).as("a later attempt succeeds").startsWith("conn_");
    }

    private static void setMaxMessageBytes(Admin admin, String bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.WEBHOOK_ENDPOINTS);
        admin.incrementalAlterConfigs(Map.of(
                        topic,
                        List.of(new AlterConfigOp(
                                new ConfigEntry("max.message.bytes", bytes), AlterConfigOp.OpType.SET))))
                .all()
                .get();
    }

    static void assertProblem(ConnectionApi.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.body().path("type").asString()).isEqualTo("https://paystream.io/problems/" + code);
        assertThat(reply.problemCode()).isEqualTo(code);
        assertThat(reply.body().path("title").asString()).isNotEmpty();
        assertThat(reply.body().path("detail").asString()).isNotEmpty();
    }

    static String last4(String key) {
        return key.substring(key.length() - 4);
    }
}
