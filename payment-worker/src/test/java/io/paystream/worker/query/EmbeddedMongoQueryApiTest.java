package io.paystream.worker.query;

import io.paystream.testsupport.mongo.EmbeddedMongoTestConfiguration;
import org.springframework.context.annotation.Import;

/** The query API contract against the embedded Mongo wire server. */
@Import(EmbeddedMongoTestConfiguration.class)
class EmbeddedMongoQueryApiTest extends QueryApiContract {}
