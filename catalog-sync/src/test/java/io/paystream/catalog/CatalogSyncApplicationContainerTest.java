package io.paystream.catalog;

import io.paystream.testsupport.ContainerImages;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The same contract against a real MongoDB, wherever Docker exists; skipped cleanly where it does not. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "paystream.catalog.events.enabled=false",
            "paystream.security.admin-token=" + CatalogApiClient.ADMIN_TOKEN
        })
class CatalogSyncApplicationContainerTest extends HealthAndMetricsContract {

    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.MONGO);
}
