package io.paystream.worker.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The query API contract against the embedded Mongo wire server, which also proves every hot path of these tests
 * uses an index: the engine applying the lifecycles (reads by {@code _id}, versioned writes) and every list and lookup
 * the API answers. The server logs each query that reads a whole collection; a query whose index is missing, or whose
 * shape no index serves, fails the test that ran it.
 */
@Import(EmbeddedMongoTestConfiguration.class)
class EmbeddedMongoQueryApiTest extends QueryApiContract {

    @Autowired
    EmbeddedMongoServer server;

    @BeforeEach
    void forgetEarlierScans() {
        server.clearCollectionScans();
    }

    @AfterEach
    void noQueryReadAWholeCollection() {
        assertThat(server.collectionScans()).isEmpty();
    }
}
