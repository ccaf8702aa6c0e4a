package io.paystream.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Realistic Stripe webhook events, grouped into lifecycles (a card checkout, a refund, a subscription's life ...).
 *
 * <p>Layout: {@code fixtures/stripe/lifecycles/index.txt} names the lifecycles, one per line; each
 * {@code fixtures/stripe/lifecycles/<name>.json} is a JSON array of Stripe event objects in the order Stripe created
 * them. Every id in a fixture contains the token {@value #RUN_TOKEN}, replaced on load by a run id, so the same
 * lifecycle can be sent many times as distinct objects (like {@code stripe trigger}).
 */
public final class StripeFixtures {

    public static final String RUN_TOKEN = "{{run}}";
    private static final String ROOT = "fixtures/stripe/lifecycles/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StripeFixtures() {}

    /** The names in the index, in index order. */
    public static List<String> lifecycleNames() {
        String index = read(ROOT + "index.txt");
        return index.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** One lifecycle's events in creation order, ids made unique with {@code runId}. */
    public static List<FixtureEvent> lifecycle(String name, String runId) {
        String text = read(ROOT + name + ".json").replace(RUN_TOKEN, runId);
        JsonNode events = JSON.readTree(text);
        List<FixtureEvent> result = new ArrayList<>();
        for (JsonNode event : events) {
            result.add(new FixtureEvent(
                    event.path("id").asString(),
                    event.path("type").asString(),
                    event.path("data").path("object").path("id").asString(),
                    JSON.writeValueAsBytes(event)));
        }
        return result;
    }

    /** The first event of {@code type} in any lifecycle, for sending a single event like {@code stripe trigger}. */
    public static FixtureEvent firstOfType(String type, String runId) {
        for (String name : lifecycleNames()) {
            for (FixtureEvent event : lifecycle(name, runId)) {
                if (event.type().equals(type)) {
                    return event;
                }
            }
        }
        throw new IllegalArgumentException("no fixture event of type " + type);
    }

    private static String read(String resource) {
        try (InputStream in = StripeFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One fixture event.
     *
     * @param id the event id
     * @param type the event type
     * @param objectId {@code data.object.id}
     * @param body the event JSON as Stripe would send it
     */
    public record FixtureEvent(String id, String type, String objectId, byte[] body) {}
}
