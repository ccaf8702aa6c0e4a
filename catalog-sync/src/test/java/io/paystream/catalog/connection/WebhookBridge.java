package io.paystream.catalog.connection;

import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.paystream.events.EventShape;
import io.paystream.events.StripeEventId;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;

/**
 * webhook-ingest's job in miniature, for tests of this service alone: receives the emulator's signed deliveries,
 * verifies them with stripe-java and publishes them to {@code stripe.events} with the metadata headers. One per
 * broker, registered with the emulator like a dashboard-configured Connect endpoint.
 */
final class WebhookBridge {

    static final String SECRET = "whsec_bridge_test_secret";
    private static final Map<String, WebhookBridge> BY_BROKER = new HashMap<>();

    private final KafkaProducer<String, byte[]> producer;

    private WebhookBridge(String bootstrapServers) {
        producer = producer(bootstrapServers);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] body = in.readAllBytes();
                    int status = forward(body, exchange.getRequestHeaders().getFirst("Stripe-Signature"));
                    exchange.sendResponseHeaders(status, -1);
                } finally {
                    exchange.close();
                }
            });
            server.start();
            SharedInfrastructure.emulator()
                    .sendWebhooksTo("http://127.0.0.1:" + server.getAddress().getPort() + "/", SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** acks=all, String keys, byte[] values: how webhook-ingest publishes. */
    static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
    }

    static synchronized void ensureFor(String bootstrapServers) {
        BY_BROKER.computeIfAbsent(bootstrapServers, WebhookBridge::new);
    }

    private int forward(byte[] body, String signature) {
        String payload = new String(body, StandardCharsets.UTF_8);
        try {
            Webhook.Signature.verifyHeader(payload, signature, SECRET, 300);
        } catch (Exception e) {
            return 400;
        }
        JsonNode event = ConnectionApi.JSON.readTree(body);
        producer.send(record(event, body));
        producer.flush();
        return 200;
    }

    /** The record {@code event} becomes on {@code stripe.events}, as webhook-ingest would publish it. */
    static ProducerRecord<String, byte[]> record(JsonNode event, byte[] body) {
        String account =
                event.path("account").isString() ? event.path("account").asString() : null;
        StripeEventMetadata metadata = new StripeEventMetadata(
                new StripeEventId(event.path("id").asString()),
                event.path("type").asString(),
                EventShape.SNAPSHOT,
                account,
                event.path("livemode").asBoolean(),
                event.path("api_version").asString(null),
                Instant.ofEpochSecond(event.path("created").asLong()),
                "default",
                "default",
                Instant.now());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.STRIPE_EVENTS,
                event.path("data").path("object").path("id").asString(),
                body);
        metadata.toHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
