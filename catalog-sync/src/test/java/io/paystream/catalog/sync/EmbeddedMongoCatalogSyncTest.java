package io.paystream.catalog.sync;

import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import org.springframework.context.annotation.Import;

/** The sync contract against the embedded Mongo wire server. */
@Import({EmbeddedMongoTestConfiguration.class, EmulatorConfiguration.class})
class EmbeddedMongoCatalogSyncTest extends CatalogSyncContract {}
