package io.paystream.catalog.connection;

/** Against the shared embedded Kafka broker and an embedded MongoDB wire server. */
@EmbeddedConnectionTest
class EmbeddedWebhookEndpointCheckTest extends WebhookEndpointCheckContract {}
