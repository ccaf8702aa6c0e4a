package io.paystream.catalog.event;

import io.paystream.catalog.EmbeddedMongoConfiguration;
import io.paystream.catalog.KafkaBrokerConfiguration;
import io.paystream.catalog.sync.EmulatorConfiguration;
import org.springframework.context.annotation.Import;

/** The event contract against a real broker process and the embedded Mongo wire server. */
@Import({KafkaBrokerConfiguration.class, EmbeddedMongoConfiguration.class, EmulatorConfiguration.class})
class EmbeddedCatalogEventsTest extends CatalogEventsContract {}
