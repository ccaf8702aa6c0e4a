package io.paystream.catalog.sync;

import io.paystream.catalog.EmbeddedMongoConfiguration;
import org.springframework.context.annotation.Import;

/** The sync contract against the embedded Mongo wire server. */
@Import({EmbeddedMongoConfiguration.class, EmulatorConfiguration.class})
class EmbeddedMongoCatalogSyncTest extends CatalogSyncContract {}
