package io.paystream.catalog.event;

import io.paystream.testsupport.EmbeddedMongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The batch contract against the embedded Mongo wire server; no Spring context, so the class owns the server. */
class EmbeddedCatalogEventBatchTest extends CatalogEventBatchContract {

    private static EmbeddedMongoServer server;

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.inMemory();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    String mongoUri() {
        return server.connectionString("paystream");
    }
}
