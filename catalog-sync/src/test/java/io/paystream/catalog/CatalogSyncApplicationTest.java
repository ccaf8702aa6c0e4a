package io.paystream.catalog;

import io.paystream.testsupport.EmbeddedMongoServer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Against the embedded MongoDB wire server (no MongoDB can be installed on the build machine). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "paystream.catalog.events.enabled=false",
            "paystream.security.admin-token=" + CatalogApiClient.ADMIN_TOKEN
        })
class CatalogSyncApplicationTest extends HealthAndMetricsContract {

    private static final EmbeddedMongoServer MONGO = EmbeddedMongoServer.inMemory();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.connectionString("paystream"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }
}
