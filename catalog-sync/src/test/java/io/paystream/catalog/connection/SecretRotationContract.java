package io.paystream.catalog.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.paystream.catalog.CatalogSyncApplication;
import io.paystream.catalog.sync.SyncTarget;
import io.paystream.catalog.sync.SyncTargetSource;
import io.paystream.emulator.AccountSpec;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.events.Topics;
import io.paystream.events.crypto.SecretCipher;
import io.paystream.events.endpoint.WebhookEndpointRegistration;
import io.paystream.testsupport.kafka.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Key rotation across restarts: secrets written with k1, the service restarted with k2 active and k1 still known,
 * everything still decrypts and is moved to k2 (registration republished), after which k2 alone suffices. Also the
 * refusal to start in the live profile without a key. Runs its own application instances on a database of its own.
 */
abstract class SecretRotationContract {

    abstract String kafkaBootstrap();

    abstract String mongoUri(String database);

    @Test
    void secretsWrittenWithAnOldKeyStillDecryptAndMoveToTheActiveKey() {
        String database = "rotation" + UUID.randomUUID().toString().substring(0, 8);
        EmulatedAccount account = SharedInfrastructure.emulator().createAccount(AccountSpec.activeStandalone());
        String id;
        try (ConfigurableApplicationContext k1 = start(database, "k1", Map.of("k1", SharedInfrastructure.KEY_1))) {
            ConnectionApi.Reply reply =
                    new ConnectionApi(port(k1)).post("/api/connections", ConnectionTestBase.keyRequest(account));
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
            id = reply.body().path("id").asString();
        }
        assertThat(stored(database, id).getString("secretKeyEnvelope")).startsWith("v1.k1.");

        try (ConfigurableApplicationContext k2 =
                start(database, "k2", Map.of("k1", SharedInfrastructure.KEY_1, "k2", SharedInfrastructure.KEY_2))) {
            assertThat(k2.getBean("connectionSyncTargets", SyncTargetSource.class)
                            .targets())
                    .contains(new SyncTarget(account.id(), false, account.testSecretKey(), null));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "k2".equals(stored(database, id).getString("cipherKeyId")));
        }

        SecretCipher k2Only = SecretCipher.fromBase64Keys("k2", Map.of("k2", SharedInfrastructure.KEY_2));
        Document moved = stored(database, id);
        assertThat(moved.getString("secretKeyEnvelope")).startsWith("v1.k2.");
        assertThat(k2Only.decrypt(moved.getString("secretKeyEnvelope"))).isEqualTo(account.testSecretKey());
        String signingSecret = SharedInfrastructure.emulator()
                .webhookEndpoints(account.id())
                .get(0)
                .secret();
        assertThat(k2Only.decrypt(moved.getString("webhookSecretEnvelope"))).isEqualTo(signingSecret);
        try (TopicReader registrations = TopicReader.fromBeginning(kafkaBootstrap(), Topics.WEBHOOK_ENDPOINTS)) {
            List<ConsumerRecord<String, byte[]>> records =
                    ConnectionTestBase.awaitWithKey(registrations, id, seen -> seen.size() >= 2);
            WebhookEndpointRegistration latest = ConnectionApi.JSON.readValue(
                    records.get(records.size() - 1).value(), WebhookEndpointRegistration.class);
            assertThat(k2Only.decrypt(latest.encryptedSecrets().get(0))).isEqualTo(signingSecret);
        }
    }

    @Test
    void theLiveProfileRefusesToStartWithoutAnEncryptionKey() {
        assertThatThrownBy(() -> start("live", null, Map.of(), "--spring.profiles.active=live")
                        .close())
                .hasStackTraceContaining("no encryption key is configured")
                .hasStackTraceContaining("PAYSTREAM_CRYPTO_ACTIVE_KEY_ID");
    }

    private ConfigurableApplicationContext start(
            String database, String activeKeyId, Map<String, String> keys, String... extra) {
        List<String> args = new ArrayList<>();
        SharedInfrastructure.applicationProperties(kafkaBootstrap(), mongoUri(database))
                .forEach((name, value) -> {
                    if (!name.startsWith("paystream.crypto.")) {
                        args.add("--" + name + "=" + value);
                    }
                });
        if (activeKeyId != null) {
            args.add("--paystream.crypto.active-key-id=" + activeKeyId);
        }
        keys.forEach((keyId, key) -> args.add("--paystream.crypto.keys." + keyId + "=" + key));
        args.add("--server.port=0");
        // its own instances must not join the shared application's consumer group
        args.add("--spring.kafka.listener.auto-startup=false");
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(CatalogSyncApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private Document stored(String database, String id) {
        try (MongoClient client = MongoClients.create(mongoUri(database))) {
            return client.getDatabase(database)
                    .getCollection(ConnectionTestBase.COLLECTION)
                    .find(Filters.eq("_id", id))
                    .first();
        }
    }
}
