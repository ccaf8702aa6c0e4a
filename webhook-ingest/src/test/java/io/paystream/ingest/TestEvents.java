package io.paystream.ingest;

import io.paystream.events.StripeEventHeaders;
import io.paystream.testsupport.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Stripe-shaped event bodies for tests, about 2 KB like real payment events, and how to find them again among the
 * records a {@link TopicReader} read: by the event id the ingest stamps on each record, which every test makes fresh.
 */
public final class TestEvents {

    public static final String API_VERSION = "2026-07-29.dahlia";

    private TestEvents() {}

    public static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A snapshot event about a PaymentIntent, optionally for a connected account ({@code account} may be null). */
    public static byte[] snapshot(String eventId, String type, String objectId, boolean livemode, String account) {
        String accountField = account == null ? "" : "\"account\": \"" + account + "\",\n  ";
        return ("""
                {
                  "id": "%s",
                  "object": "event",
                  %s"api_version": "%s",
                  "created": 1763830000,
                  "data": {
                    "object": {
                      "id": "%s",
                      "object": "payment_intent",
                      "amount": 2000,
                      "amount_capturable": 0,
                      "amount_received": 2000,
                      "capture_method": "automatic_async",
                      "client_secret": "%s_secret_abcdefghijklmnopqrstuvwxyz",
                      "confirmation_method": "automatic",
                      "created": 1763829990,
                      "currency": "usd",
                      "customer": "cus_T1a2b3c4d5e6f7",
                      "description": "Order #1042 - \\"quoted\\" caf\u00e9 \u2615",
                      "latest_charge": "ch_3SfA1b2C3d4E5f6G",
                      "livemode": %s,
                      "metadata": {"order_id": "1042", "cart": "[{\\"sku\\":\\"tee-m\\",\\"qty\\":2}]"},
                      "payment_method": "pm_1SfA1b2C3d4E5f6G",
                      "payment_method_types": ["card", "link"],
                      "receipt_email": "jenny.rosen@example.com",
                      "shipping": {"name": "Jenny Rosen", "address": {"line1": "510 Townsend St", "city": "San Francisco", "postal_code": "94103", "country": "US"}},
                      "status": "succeeded",
                      "nested": {"id": "not_the_object_id", "object": {"id": "deeper"}},
                      "padding": "%s"
                    },
                    "previous_attributes": {"status": "processing"}
                  },
                  "livemode": %s,
                  "pending_webhooks": 1,
                  "request": {"id": "req_abc123", "idempotency_key": "6b1f0c4e-1f1e-4c52-9b8f-3c2d1e0f9a8b"},
                  "type": "%s"
                }
                """)
                .formatted(
                        eventId,
                        accountField,
                        API_VERSION,
                        objectId,
                        objectId,
                        livemode,
                        "x".repeat(700),
                        livemode,
                        type)
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] snapshot(String eventId, String objectId) {
        return snapshot(eventId, "payment_intent.succeeded", objectId, false, null);
    }

    /** A thin (API v2) event: no object snapshot, only {@code related_object}. */
    public static byte[] thin(String eventId, String type, String relatedObjectId, String context, Instant created) {
        return ("""
                {"id":"%s","object":"v2.core.event","type":"%s","livemode":false,"created":"%s",\
                "context":%s,"related_object":{"id":"%s","type":"billing.meter","url":"/v1/billing/meters/%s"},\
                "reason":{"type":"request","request":{"id":"req_v2abc","idempotency_key":null}}}""")
                .formatted(
                        eventId,
                        type,
                        created,
                        context == null ? "null" : "\"" + context + "\"",
                        relatedObjectId,
                        relatedObjectId)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code balance.available}: its {@code data.object} is the balance, which has no id. */
    public static byte[] balanceAvailable(String eventId) {
        return ("""
                {"id":"%s","object":"event","api_version":"%s","created":1763830000,\
                "data":{"object":{"object":"balance","available":[{"amount":2000,"currency":"usd"}],\
                "livemode":false,"pending":[{"amount":0,"currency":"usd"}]}},\
                "livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},\
                "type":"balance.available"}""").formatted(eventId, API_VERSION).getBytes(StandardCharsets.UTF_8);
    }

    /** Matches the record the ingest published for the event with this id. */
    public static Predicate<ConsumerRecord<String, byte[]>> hasEventId(String eventId) {
        return TopicReader.hasHeader(StripeEventHeaders.EVENT_ID, eventId);
    }

    /** The event ids these records were published for. */
    public static Set<String> eventIds(Collection<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .map(record -> TopicReader.header(record, StripeEventHeaders.EVENT_ID))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }
}
