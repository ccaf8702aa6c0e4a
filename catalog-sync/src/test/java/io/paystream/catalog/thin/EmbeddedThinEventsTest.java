package io.paystream.catalog.thin;

import io.paystream.catalog.reconcile.ReconcileKafkaConfiguration;
import io.paystream.catalog.sync.EmulatorConfiguration;
import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import org.springframework.context.annotation.Import;

/** The thin-event contract against the embedded Mongo wire server and a broker of its own. */
@Import({EmbeddedMongoTestConfiguration.class, EmulatorConfiguration.class, ReconcileKafkaConfiguration.class})
class EmbeddedThinEventsTest extends ThinEventsContract {}
