package io.paystream.catalog;

import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** Against the embedded MongoDB wire server (no MongoDB can be installed on the build machine). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "paystream.catalog.events.enabled=false",
            "paystream.security.admin-token=" + CatalogApiClient.ADMIN_TOKEN
        })
@Import(EmbeddedMongoTestConfiguration.class)
class CatalogSyncApplicationTest extends HealthAndMetricsContract {}
