package io.paystream.catalog.thin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.paystream.catalog.reconcile.ReconcileTestContext;
import io.paystream.catalog.sync.EmulatorConfiguration.TestAccounts;
import io.paystream.emulator.EmulatedAccount;
import io.paystream.emulator.EmulatedEvent;
import io.paystream.emulator.StripeEmulator;
import io.paystream.events.EventShape;
import io.paystream.events.StripeEventHeaders;
import io.paystream.events.StripeEventId;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.Topics;
import io.paystream.testsupport.kafka.TestKafka;
import io.paystream.testsupport.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Thin events on {@code stripe.events}, written as webhook-ingest writes them: the related object fetched from the
 * emulator with the event's account and published to {@code stripe.fetched} as a fetched object (source
 * {@code thin_event}); an unknown related
 * type and a vanished object counted and acknowledged, the records behind them still resolved. Same configuration as
 * the reconciliation contract, so the two share one context.
 */
@ReconcileTestContext
abstract class ThinEventsContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    StripeEmulator emulator;

    @Autowired
    TestAccounts accounts;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestKafka reconcileKafka;

    TopicReader events;
    TopicReader fetched;
    KafkaProducer<String, byte[]> ingest;

    @BeforeEach
    void kafka() {
        events = TopicReader.fromBeginning(reconcileKafka.bootstrapServers(), Topics.STRIPE_EVENTS);
        fetched = TopicReader.fromBeginning(reconcileKafka.bootstrapServers(), Topics.STRIPE_FETCHED);
        ingest = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, reconcileKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        ingest.close();
        events.close();
        fetched.close();
    }

    @Test
    void aThinEventIsResolvedIntoAFetchedObjectWithItsAccountContext() throws Exception {
        EmulatedAccount account = accounts.create();
        String paymentIntent = emulator.enact("card_checkout_success", account.id(), false).stream()
                .filter(event -> "payment_intent".equals(event.objectType()))
                .map(EmulatedEvent::objectId)
                .findFirst()
                .orElseThrow();
        String thinId = thinEvent(account, "payment_intent", paymentIntent, "/v1/payment_intents/" + paymentIntent);

        ConsumerRecord<String, byte[]> record = fetched.awaitRecord(
                TopicReader.hasHeader(StripeEventHeaders.SOURCE, "thin_event").and(TopicReader.hasKey(paymentIntent)));

        assertThat(TopicReader.header(record, StripeEventHeaders.EVENT_SHAPE)).isEqualTo("fetched");
        assertThat(TopicReader.header(record, StripeEventHeaders.EVENT_TYPE)).isEqualTo("payment_intent.fetched");
        assertThat(TopicReader.header(record, StripeEventHeaders.ACCOUNT)).isEqualTo(account.id());
        assertThat(TopicReader.header(record, StripeEventHeaders.TENANT)).isEqualTo("tenant-thin");
        JsonNode value = JSON.readTree(record.value());
        assertThat(value.path("id").asString()).isEqualTo("fetch_" + thinId + "_" + paymentIntent);
        assertThat(value.path("source").asString()).isEqualTo("thin_event");
        assertThat(value.path("data").path("object").path("id").asString()).isEqualTo(paymentIntent);
        assertThat(value.path("data").path("object").path("object").asString()).isEqualTo("payment_intent");
    }

    @Test
    void anUnknownRelatedTypeAndAVanishedObjectAreCountedAndAcknowledged() throws Exception {
        EmulatedAccount account = accounts.create();
        double unknownBefore = count("unknown_type");
        double notFoundBefore = count("not_found");
        thinEvent(account, "v2.billing.meter", "mtr_123", "/v2/billing/meters/mtr_123");
        thinEvent(account, "customer", "cus_vanished000000001", "/v1/customers/cus_vanished000000001");
        String customer = emulator.enact("card_checkout_success", account.id(), false).stream()
                .filter(event -> "customer".equals(event.objectType()))
                .map(EmulatedEvent::objectId)
                .findFirst()
                .orElseThrow();
        thinEvent(account, "customer", customer, "/v1/customers/" + customer);

        fetched.awaitRecord(
                TopicReader.hasHeader(StripeEventHeaders.SOURCE, "thin_event").and(TopicReader.hasKey(customer)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("unknown_type")).isEqualTo(unknownBefore + 1);
            assertThat(count("not_found")).isEqualTo(notFoundBefore + 1);
        });
        assertThat(fetched.records(TopicReader.hasKey("mtr_123")).stream()
                        .filter(r -> "thin_event".equals(TopicReader.header(r, StripeEventHeaders.SOURCE))))
                .as("nothing fetched for a type Paystream does not keep")
                .isEmpty();
    }

    /** A thin event on stripe.events as webhook-ingest writes one: keyed by the related object, headers included. */
    private String thinEvent(EmulatedAccount account, String type, String objectId, String url) throws Exception {
        String id = "evt_thin" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Instant now = Instant.now();
        String body = JSON.writeValueAsString(Map.of(
                "id",
                id,
                "object",
                "v2.core.event",
                "type",
                "v1." + type + ".updated",
                "created",
                now.toString(),
                "livemode",
                false,
                "related_object",
                Map.of("id", objectId, "type", type, "url", url)));
        StripeEventMetadata metadata = new StripeEventMetadata(
                new StripeEventId(id),
                "v1." + type + ".updated",
                EventShape.THIN,
                account.id(),
                false,
                null,
                now,
                account.id(),
                "tenant-thin",
                now);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.STRIPE_EVENTS, objectId, body.getBytes(StandardCharsets.UTF_8));
        metadata.toHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        ingest.send(record).get();
        return id;
    }

    private double count(String outcome) {
        return meters.find(ThinEvents.METER).tag("outcome", outcome).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }
}
