package io.paystream.catalog.connection;

import com.mongodb.client.MongoCollection;
import io.paystream.catalog.sync.SyncTargetSource;
import io.paystream.emulator.AccountSpec;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.emulator.StripeEmulator;
import io.paystream.testsupport.kafka.TopicReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** What the connection contracts share: the API, the emulator, the store and the broker of the running application. */
abstract class ConnectionTestBase {

    /** The stored collection, by name: the name is part of what must not change. */
    static final String COLLECTION = "connections";

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    MongoDatabaseFactory mongo;

    /** The connections' source of sync targets (store.ConnectionSyncTargets), apart from the configured one. */
    @Autowired
    @Qualifier("connectionSyncTargets")
    SyncTargetSource syncTargets;

    ConnectionApi api;
    StripeEmulator stripe;

    @BeforeEach
    void connectToTheApplication() {
        api = new ConnectionApi(port);
        stripe = SharedInfrastructure.emulator();
    }

    String kafkaBootstrap() {
        return environment.getRequiredProperty("spring.kafka.bootstrap-servers");
    }

    MongoCollection<Document> connections() {
        return mongo.getMongoDatabase().getCollection(COLLECTION);
    }

    /** A standalone account that can charge: what a customer pasting working keys has. */
    EmulatedAccount payingAccount() {
        return stripe.createAccount(AccountSpec.activeStandalone());
    }

    static Map<String, Object> keyRequest(EmulatedAccount account) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("tenant", "acme");
        request.put("publishableKey", account.testPublishableKey());
        request.put("secretKey", account.testSecretKey());
        request.put("currency", "usd");
        request.put("mode", "test");
        return request;
    }

    static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(request);
        changed.put(field, value);
        return changed;
    }

    /** Connects {@code account} by its test keys and returns the connection id. */
    String connect(EmulatedAccount account) {
        ConnectionApi.Reply reply = api.post("/api/connections", keyRequest(account));
        if (reply.status() != 201) {
            throw new AssertionError("connecting failed: " + reply.status() + " " + reply.body());
        }
        return reply.body().path("id").asString();
    }

    /**
     * The records {@code reader} read with {@code key}, oldest first, once they satisfy {@code until}. The broker is
     * shared by the JVM's tests, so a test looks at its own connection's records only.
     */
    static List<ConsumerRecord<String, byte[]>> awaitWithKey(
            TopicReader reader, String key, Predicate<List<ConsumerRecord<String, byte[]>>> until) {
        reader.awaitUntil(records -> until.test(withKey(records, key)));
        return withKey(reader.records(), key);
    }

    private static List<ConsumerRecord<String, byte[]>> withKey(
            List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }
}
