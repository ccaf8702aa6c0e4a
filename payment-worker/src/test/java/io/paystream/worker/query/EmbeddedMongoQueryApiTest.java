package io.paystream.worker.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The query API contract against the embedded Mongo wire server, which also proves every hot path of these tests
 * uses an index: the engine applying the lifecycles (reads by {@code _id}, versioned writes) and every list and lookup
 * the API answers. The server logs each query that reads a whole collection, or more than 1,000 documents through an
 * index that narrows it too little; either fails the test that ran it.
 *
 * <p>A lifecycle's few documents hide a missing index (a walk of the list index filters them in no time), so each
 * queried collection first gets {@value #DECOYS} documents of other customers, accounts, subscriptions and payments in
 * the same mode: a list or lookup whose index lacks its filter field then reads them all.
 */
@Import(EmbeddedMongoTestConfiguration.class)
class EmbeddedMongoQueryApiTest extends QueryApiContract {

    static final int DECOYS = 1_200;
    private static final List<String> QUERIED = List.of(
            "payment_intents", "charges", "refunds", "disputes", "subscriptions", "invoices", "payouts", "customers");

    @Autowired
    EmbeddedMongoServer server;

    @BeforeEach
    void decoysThenNoScansYet() {
        try (MongoClient client =
                MongoClients.create(server.connectionString(EmbeddedMongoTestConfiguration.DATABASE))) {
            MongoDatabase database = client.getDatabase(EmbeddedMongoTestConfiguration.DATABASE);
            for (String collection : QUERIED) {
                if (database.getCollection(collection)
                                .find(new Document("_id", "decoy_0"))
                                .first()
                        == null) {
                    database.getCollection(collection).insertMany(decoys());
                }
            }
        }
        server.clearCollectionScans();
    }

    @AfterEach
    void noQueryReadAWholeCollectionOrManyDocumentsThroughAnIndex() {
        assertThat(server.collectionScans()).isEmpty();
    }

    /** Oldest first in every list (2001), so no page of the contract's lifecycles shows one. */
    private static List<Document> decoys() {
        List<Document> decoys = new ArrayList<>(DECOYS);
        for (int i = 0; i < DECOYS; i++) {
            decoys.add(new Document("_id", "decoy_" + i)
                    .append("livemode", false)
                    .append("account", "acct_decoy_" + i)
                    .append("customer", "cus_decoy_" + i)
                    .append("subscription", "sub_decoy_" + i)
                    .append("paymentIntent", "pi_decoy_" + i)
                    .append("charge", "ch_decoy_" + i)
                    .append("status", "succeeded")
                    .append(
                            StoredValues.CREATED,
                            Date.from(Instant.parse("2001-01-01T00:00:00Z").plusSeconds(i)))
                    .append("version", 1L));
        }
        return decoys;
    }
}
