package io.paystream.catalog.event;

import io.paystream.catalog.sync.EmulatorConfiguration;
import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import org.springframework.context.annotation.Import;

/** The event contract against an embedded Kafka broker of its own and the embedded Mongo wire server. */
@Import({OwnKafkaConfiguration.class, EmbeddedMongoTestConfiguration.class, EmulatorConfiguration.class})
class EmbeddedCatalogEventsTest extends CatalogEventsContract {}
