package io.paystream.catalog.event;

import io.paystream.events.EventShape;
import io.paystream.events.StripeEventId;
import io.paystream.events.StripeEventMetadata;
import io.paystream.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Product and price events as webhook-ingest puts them on {@code stripe.events}: Stripe's JSON as value, the object id
 * as key, the verified metadata as headers.
 */
final class CatalogEventRecords {

    private CatalogEventRecords() {}

    static ProducerRecord<String, byte[]> product(
            String account, String eventId, String type, long created, String productId, String name, boolean active) {
        String object =
                """
                {"id":"%s","object":"product","active":%s,"name":%s,"description":null,"created":%d,\
                "updated":%d,"livemode":false,"metadata":{},"default_price":null}""".formatted(productId, active, name == null ? "null" : '"' + name + '"', created - 100, created);
        return record(account, eventId, type, created, productId, productId, object);
    }

    static ProducerRecord<String, byte[]> price(
            String account,
            String eventId,
            String type,
            long created,
            String priceId,
            String productId,
            boolean active) {
        String object = """
                {"id":"%s","object":"price","active":%s,"currency":"usd","unit_amount":1500,"type":"one_time",\
                "billing_scheme":"per_unit","recurring":null,"product":"%s","created":%d,"livemode":false,\
                "metadata":{},"nickname":null,"lookup_key":null,"tax_behavior":"unspecified"}""".formatted(priceId, active, productId, created - 100);
        return record(account, eventId, type, created, productId, priceId, object);
    }

    /** A record whose headers say {@code type} but whose body is not a Stripe event. */
    static ProducerRecord<String, byte[]> unreadable(String account, String eventId, String type, String key) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.STRIPE_EVENTS, key, "{not json".getBytes(StandardCharsets.UTF_8));
        headers(record, account, eventId, type, Instant.now().getEpochSecond());
        return record;
    }

    /** A record of a type the catalog does not handle, whose body no one could read: it must not be parsed. */
    static ProducerRecord<String, byte[]> otherType(String eventId, String type, String key) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.STRIPE_EVENTS, key, "{not json".getBytes(StandardCharsets.UTF_8));
        headers(record, "platform", eventId, type, Instant.now().getEpochSecond());
        return record;
    }

    /** A copy of {@code record} without the header {@code name}, as a broken producer might send it. */
    static ProducerRecord<String, byte[]> withoutHeader(ProducerRecord<String, byte[]> record, String name) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), record.key(), record.value());
        record.headers().forEach(header -> {
            if (!header.key().equals(name)) {
                copy.headers().add(header);
            }
        });
        return copy;
    }

    /**
     * @param key the record key; the ingest uses the object's id, tests use the product's id for its prices too so
     *     that one product's events share a partition and keep their order
     */
    private static ProducerRecord<String, byte[]> record(
            String account, String eventId, String type, long created, String key, String objectId, String object) {
        String body = """
                {"id":"%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,"livemode":false,\
                "pending_webhooks":1,"type":"%s","data":{"object":%s}}""".formatted(eventId, created, type, object);
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.STRIPE_EVENTS, key, body.getBytes(StandardCharsets.UTF_8));
        headers(record, account, eventId, type, created);
        return record;
    }

    private static void headers(
            ProducerRecord<String, byte[]> record, String account, String eventId, String type, long created) {
        new StripeEventMetadata(
                        new StripeEventId(eventId),
                        type,
                        EventShape.SNAPSHOT,
                        "platform".equals(account) ? null : account,
                        false,
                        "2026-07-29.dahlia",
                        Instant.ofEpochSecond(created),
                        "default",
                        "default",
                        Instant.now())
                .toHeaders()
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
