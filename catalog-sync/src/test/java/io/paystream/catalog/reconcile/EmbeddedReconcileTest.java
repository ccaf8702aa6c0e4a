package io.paystream.catalog.reconcile;

import io.paystream.catalog.sync.EmulatorConfiguration;
import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import org.springframework.context.annotation.Import;

/** The reconciliation contract against the embedded Mongo wire server and a broker of its own. */
@Import({EmbeddedMongoTestConfiguration.class, EmulatorConfiguration.class, ReconcileKafkaConfiguration.class})
class EmbeddedReconcileTest extends ReconcileContract {}
