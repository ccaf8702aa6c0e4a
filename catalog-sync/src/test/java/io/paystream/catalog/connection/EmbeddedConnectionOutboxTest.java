package io.paystream.catalog.connection;

/** Against a Kafka broker process and the embedded MongoDB wire server. */
@EmbeddedConnectionTest
class EmbeddedConnectionOutboxTest extends ConnectionOutboxContract {}
