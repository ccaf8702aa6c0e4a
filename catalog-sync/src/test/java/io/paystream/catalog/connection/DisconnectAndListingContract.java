package io.paystream.catalog.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.stripe.StripeClient;
import io.paystream.catalog.sync.SyncTarget;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.events.Topics;
import io.paystream.testsupport.kafka.TopicReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Disconnecting, switching off and listing connections, whatever MongoDB and Kafka run underneath. */
abstract class DisconnectAndListingContract extends ConnectionTestBase {

    @Test
    void disconnectingRemovesTheEndpointWipesTheSecretsAndStopsSyncsButKeepsTheHistory() {
        EmulatedAccount account = payingAccount();
        String id = connect(account);
        assertThat(stripe.webhookEndpoints(account.id())).hasSize(1);

        ConnectionApi.Reply reply = api.delete("/api/connections/" + id);

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().path("status").asString()).isEqualTo("disconnected");
        assertThat(reply.body().path("enabled").asBoolean()).isFalse();
        assertThat(reply.body().path("disconnectedAt").asString()).isNotEmpty();
        assertThat(stripe.webhookEndpoints(account.id())).isEmpty();
        Document stored = connections().find(Filters.eq("_id", id)).first();
        assertThat(stored).doesNotContainKeys("secretKeyEnvelope", "webhookSecretEnvelope", "cipherKeyId");
        assertThat(stored.getString("secretKeyMasked")).startsWith("sk_test_...");
        assertThat(syncTargets.targets()).extracting(SyncTarget::account).doesNotContain(account.id());
        try (TopicReader registrations = TopicReader.fromBeginning(kafkaBootstrap(), Topics.WEBHOOK_ENDPOINTS)) {
            List<ConsumerRecord<String, byte[]>> records = awaitWithKey(
                    registrations,
                    id,
                    seen -> !seen.isEmpty() && seen.get(seen.size() - 1).value() == null);
            assertThat(records.get(0).value()).as("the registration came first").isNotNull();
        }
        try (TopicReader feed = TopicReader.fromBeginning(kafkaBootstrap(), Topics.PAYMENTS_EVENTS)) {
            JsonNode last = ConnectionApi.JSON.readTree(
                    awaitWithKey(feed, id, seen -> seen.size() >= 2).get(1).value());
            assertThat(last.path("data").path("status").asString()).isEqualTo("disconnected");
            assertThat(last.path("data").path("previousStatus").asString()).isEqualTo("active");
        }

        assertThat(api.get("/api/connections/" + id).body().path("status").asString())
                .isEqualTo("disconnected");
        assertThat(api.delete("/api/connections/" + id).status())
                .as("idempotent")
                .isEqualTo(200);
        assertThat(connect(account)).as("the account can be connected again").isNotEqualTo(id);
    }

    @Test
    void anEndpointAlreadyDeletedOnStripeDoesNotBlockDisconnecting() throws Exception {
        EmulatedAccount account = payingAccount();
        String id = connect(account);
        StripeClient.builder()
                .setApiKey(account.testSecretKey())
                .setApiBase(stripe.baseUrl())
                .build()
                .v1()
                .webhookEndpoints()
                .delete(stripe.webhookEndpoints(account.id()).get(0).id());

        ConnectionApi.Reply reply = api.delete("/api/connections/" + id);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("status").asString()).isEqualTo("disconnected");
    }

    @Test
    void aConnectionSwitchedOffIsNotSynced() {
        EmulatedAccount account = payingAccount();
        String id = connect(account);

        ConnectionApi.Reply off = api.patch("/api/connections/" + id, Map.of("enabled", false));

        assertThat(off.status()).isEqualTo(200);
        assertThat(off.body().path("enabled").asBoolean()).isFalse();
        assertThat(syncTargets.targets()).extracting(SyncTarget::account).doesNotContain(account.id());
        api.patch("/api/connections/" + id, Map.of("enabled", true));
        assertThat(syncTargets.targets()).extracting(SyncTarget::account).contains(account.id());
        KeyConnectionContract.assertProblem(api.delete("/api/connections/conn_nothing"), 404, "connection-not-found");
    }

    @Test
    void listingPagesThroughATenantsConnectionsNewestFirst() {
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ConnectionApi.Reply reply =
                    api.post("/api/connections", with(keyRequest(payingAccount()), "tenant", tenant));
            created.add(0, reply.body().path("id").asString());
        }
        api.delete("/api/connections/" + created.get(0));

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ConnectionApi.Reply page = api.get(
                    "/api/connections?tenant=" + tenant + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            page.body().path("data").forEach(item -> listed.add(item.path("id").asString()));
            cursor = page.body().path("nextCursor").isNull()
                    ? null
                    : page.body().path("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(listed).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(3);
        JsonNode disconnected = api.get("/api/connections?tenant=" + tenant + "&status=disconnected")
                .body()
                .path("data");
        assertThat(disconnected.size()).isEqualTo(1);
        String firstCursor = api.get("/api/connections?tenant=" + tenant + "&limit=1")
                .body()
                .path("nextCursor")
                .asString();
        KeyConnectionContract.assertProblem(
                api.get("/api/connections?tenant=other&cursor=" + firstCursor), 400, "invalid-request");
        KeyConnectionContract.assertProblem(api.get("/api/connections?cursor=garbage"), 400, "invalid-request");
        KeyConnectionContract.assertProblem(api.get("/api/connections?limit=0"), 400, "invalid-request");
        KeyConnectionContract.assertProblem(api.get("/api/connections?status=happy"), 400, "invalid-request");
    }
}
