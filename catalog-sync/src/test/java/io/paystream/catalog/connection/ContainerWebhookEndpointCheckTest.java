package io.paystream.catalog.connection;

/** Against MongoDB and Kafka containers, wherever Docker exists. */
@ContainerConnectionTest
class ContainerWebhookEndpointCheckTest extends WebhookEndpointCheckContract {}
