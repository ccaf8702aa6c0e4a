package io.paystream.catalog.event;

import io.paystream.testsupport.ContainerImages;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The batch contract against a real MongoDB in a container; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerCatalogEventBatchTest extends CatalogEventBatchContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.MONGO);

    @Override
    String mongoUri() {
        return MONGO.getReplicaSetUrl("paystream");
    }
}
