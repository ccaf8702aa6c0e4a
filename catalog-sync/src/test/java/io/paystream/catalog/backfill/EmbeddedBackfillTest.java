package io.paystream.catalog.backfill;

import io.paystream.catalog.sync.EmulatorConfiguration;
import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import org.springframework.context.annotation.Import;

/** The backfill contract against the embedded Mongo wire server and a broker of its own. */
@Import({EmbeddedMongoTestConfiguration.class, EmulatorConfiguration.class, BackfillKafkaConfiguration.class})
class EmbeddedBackfillTest extends BackfillContract {}
