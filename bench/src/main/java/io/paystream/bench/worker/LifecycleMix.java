package io.paystream.bench.worker;

import io.paystream.events.EventShape;
import io.paystream.events.StripeEventId;
import io.paystream.events.StripeEventMetadata;
import io.paystream.testsupport.StripeFixtures;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A realistic event mix: every lifecycle fixture (checkouts, refunds, disputes, subscriptions, payouts, Connect
 * onboarding ...) replayed under many run ids, in Stripe's order per object, as records exactly like webhook-ingest
 * writes them (key, headers, untouched body).
 */
final class LifecycleMix {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One record of the mix.
     *
     * @param key the Kafka key webhook-ingest would use
     * @param body the event JSON
     * @param headers the stripe.events headers
     * @param collectionHint the object type, for the raw-driver baseline
     * @param object {@code data.object} parsed, for the raw-driver baseline
     */
    record MixRecord(String key, byte[] body, Map<String, String> headers, String collectionHint, Document object) {}

    private LifecycleMix() {}

    static List<MixRecord> build(int atLeast) {
        return build("b", atLeast);
    }

    /** At least {@code atLeast} records, every lifecycle replayed under run ids {@code <runPrefix>0, 1, ...}. */
    static List<MixRecord> build(String runPrefix, int atLeast) {
        List<MixRecord> records = new ArrayList<>(atLeast + 200);
        for (int run = 0; records.size() < atLeast; run++) {
            for (String lifecycle : StripeFixtures.lifecycleNames()) {
                for (FixtureEvent event : StripeFixtures.lifecycle(lifecycle, runPrefix + run)) {
                    records.add(record(event));
                }
            }
        }
        return records;
    }

    private static MixRecord record(FixtureEvent event) {
        JsonNode json = JSON.readTree(event.body());
        JsonNode object = json.path("data").path("object");
        String account = json.path("account").isString() ? json.path("account").asString() : null;
        String objectType = object.path("object").asString();
        String key = event.objectId().isEmpty()
                ? objectType + ":" + (account == null ? "platform" : account)
                : event.objectId();
        StripeEventMetadata metadata = new StripeEventMetadata(
                new StripeEventId(event.id()),
                event.type(),
                EventShape.SNAPSHOT,
                account,
                json.path("livemode").asBoolean(),
                json.path("api_version").asString(),
                Instant.ofEpochSecond(json.path("created").asLong()),
                "default",
                "default",
                Instant.now());
        return new MixRecord(
                key, event.body(), metadata.toHeaders(), objectType, Document.parse(JSON.writeValueAsString(object)));
    }
}
