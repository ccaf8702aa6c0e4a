package io.paystream.catalog.reconcile;

import io.paystream.catalog.sync.EmulatorConfiguration;
import io.paystream.testsupport.ContainerImages;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The reconciliation contract against a real MongoDB (the broker stays embedded); skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
@Import({EmulatorConfiguration.class, ReconcileKafkaConfiguration.class})
class MongoContainerReconcileTest extends ReconcileContract {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(ContainerImages.MONGO);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("paystream"));
    }
}
