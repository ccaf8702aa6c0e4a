package io.paystream.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.paystream.events.Schemas;
import io.paystream.testsupport.StripeFixtures.FixtureEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StripeFixturesTest {

    private static final String ROOT = "fixtures/stripe/lifecycles/";
    private static final String API_VERSION = "2026-07-29.dahlia";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonSchema STRIPE_EVENT_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(Schemas.open(Schemas.STRIPE_EVENT_V1));

    /**
     * A string that is a whole Stripe id: a known prefix, then a tail that is not a plain lower-case word (which
     * would be an enum value such as {@code card_declined} or {@code price_details}).
     */
    private static final Pattern STRIPE_ID = Pattern.compile(
            "^(evt|req|cus|pi|ch|pm|pmc|txn|re|du|dp|cs_test|cs_live|in|il|inpay|sub|si|price|prod|po|acct|ba|card"
                    + "|file|seti|src|tr|py|ii)_(?![a-z_]+$).+");
    /** 13 to 19 digits, optionally grouped by spaces or dashes, not part of a longer digit run. */
    private static final Pattern CARD_NUMBER_SHAPE = Pattern.compile("(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)");

    private static final Pattern SECRET_SHAPE = Pattern.compile("(sk|rk)_(live|test)_|whsec_");

    /**
     * Stripe renders a Capability's id as its name ({@code card_payments}); it is unique only within its account, and
     * the account id carries the run token.
     */
    private static final Set<String> OBJECTS_WITH_ACCOUNT_SCOPED_IDS = Set.of("capability");

    static List<String> lifecycles() {
        return StripeFixtures.lifecycleNames();
    }

    @Test
    void indexNamesExactlyTheFixtureFiles() throws IOException, URISyntaxException {
        Path folder = Path.of(StripeFixturesTest.class
                        .getClassLoader()
                        .getResource(ROOT + "index.txt")
                        .toURI())
                .getParent();
        Set<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = new HashSet<>(listing.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .toList());
        }

        assertThat(StripeFixtures.lifecycleNames()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files);
        assertThat(StripeFixtures.lifecycleNames())
                .contains(
                        "card_checkout_success",
                        "card_decline_then_success",
                        "partial_and_full_refund",
                        "subscription_trial_to_canceled",
                        "subscription_created_out_of_order_same_second");
    }

    @ParameterizedTest
    @MethodSource("lifecycles")
    void everyEventLoadsAndMatchesTheStripeEventSchema(String name) {
        List<FixtureEvent> events = StripeFixtures.lifecycle(name, "load1");

        assertThat(events).isNotEmpty();
        for (FixtureEvent event : events) {
            JsonNode json = JSON.readTree(event.body());
            assertThat(event.id()).startsWith("evt_");
            assertThat(event.type()).isNotBlank();
            assertThat(json.path("object").asString()).isEqualTo("event");
            assertThat(json.path("api_version").asString()).isEqualTo(API_VERSION);
            assertThat(json.path("livemode").isBoolean()).isTrue();
            assertThat(json.path("livemode").asBoolean()).isFalse();
            assertThat(json.path("pending_webhooks").isIntegralNumber()).isTrue();
            assertThat(json.path("request").has("id")).isTrue();
            assertThat(json.path("request").has("idempotency_key")).isTrue();
            assertThat(json.path("data").path("object").path("object").asString())
                    .as("data.object.object of %s", event.id())
                    .isNotBlank();

            assertThat(STRIPE_EVENT_SCHEMA.validate(JSON.writeValueAsString(json), InputFormat.JSON))
                    .as("schema errors of %s %s", name, event.id())
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("lifecycles")
    void updateEventsCarryWhatChanged(String name) {
        for (JsonNode event : template(name)) {
            String type = event.path("type").asString();
            if (type.endsWith(".updated")) {
                JsonNode previous = event.path("data").path("previous_attributes");
                assertThat(previous.isObject() && !previous.isEmpty())
                        .as("previous_attributes of %s", event.path("id").asString())
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lifecycles")
    void everyIdCarriesTheRunTokenAndDiffersBetweenRuns(String name) {
        forEachId(
                template(name),
                (path, id) -> assertThat(id).as("%s in %s", path, name).contains(StripeFixtures.RUN_TOKEN));

        Set<String> firstRun = ids(name, "runA7f3");
        Set<String> secondRun = ids(name, "runB9k1");
        assertThat(firstRun).isNotEmpty().allSatisfy(id -> assertThat(id).contains("runA7f3"));
        assertThat(secondRun).allSatisfy(id -> assertThat(id).contains("runB9k1"));
        assertThat(firstRun).doesNotContainAnyElementsOf(secondRun);
        assertThat(StripeFixtures.lifecycle(name, "runA7f3"))
                .allSatisfy(event -> assertThat(new String(event.body(), StandardCharsets.UTF_8))
                        .doesNotContain(StripeFixtures.RUN_TOKEN, "{runA7f3", "runA7f3}"));
    }

    @ParameterizedTest
    @MethodSource("lifecycles")
    void eventsAreInCreationOrderWithUniqueIds(String name) {
        List<FixtureEvent> events = StripeFixtures.lifecycle(name, "order1");
        long previous = Long.MIN_VALUE;
        for (FixtureEvent event : events) {
            long created = JSON.readTree(event.body()).path("created").asLong();
            assertThat(created).as("created of %s", event.id()).isGreaterThanOrEqualTo(previous);
            previous = created;
        }
        assertThat(events).extracting(FixtureEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void lifecyclesShareNoEventOrObjectUnderOneRunId() {
        Map<String, String> lifecycleOfEvent = new HashMap<>();
        Map<String, String> lifecycleOfObject = new HashMap<>();
        for (String name : StripeFixtures.lifecycleNames()) {
            for (FixtureEvent event : StripeFixtures.lifecycle(name, "shared1")) {
                assertThat(lifecycleOfEvent.put(event.id(), name))
                        .as("event %s", event.id())
                        .isNull();
                String owner = lifecycleOfObject.putIfAbsent(objectKey(event), name);
                assertThat(owner == null || owner.equals(name))
                        .as("object %s in %s and %s", event.objectId(), owner, name)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lifecycles")
    void connectEventsNameTheirAccount(String name) {
        List<JsonNode> events = template(name);
        boolean connect = events.stream().anyMatch(event -> event.has("account"));
        if (connect) {
            assertThat(events)
                    .allSatisfy(event -> assertThat(event.path("account").asString())
                            .startsWith("acct_")
                            .contains(StripeFixtures.RUN_TOKEN));
        }
    }

    @ParameterizedTest
    @MethodSource("lifecycles")
    void noCardNumberOrSecretAnywhere(String name) {
        String raw = resource(ROOT + name + ".json");
        assertThat(SECRET_SHAPE.matcher(raw).find())
                .as("secret-key shape in %s", name)
                .isFalse();
        assertThat(luhnValidCardShapes(raw))
                .as("card-number shapes in %s", name)
                .isEmpty();

        for (FixtureEvent event : StripeFixtures.lifecycle(name, "pci1")) {
            List<String> values = new ArrayList<>();
            collectScalars(JSON.readTree(event.body()), values);
            assertThat(values).allSatisfy(value -> {
                assertThat(SECRET_SHAPE.matcher(value).find()).isFalse();
                assertThat(luhnValidCardShapes(value)).isEmpty();
            });
        }
    }

    @Test
    void cardNumberCheckRecognisesTestCards() {
        assertThat(luhnValidCardShapes("{\"number\":\"4242424242424242\"}")).hasSize(1);
        assertThat(luhnValidCardShapes("card 4000 0566 5566 5556 on file")).hasSize(1);
        assertThat(luhnValidCardShapes("\"created\": 1794700000, \"ntid\": \"4242424242424241\""))
                .isEmpty();
        assertThat(SECRET_SHAPE.matcher("sk_test_51abc").find()).isTrue();
    }

    private static String objectKey(FixtureEvent event) {
        JsonNode json = JSON.readTree(event.body());
        return json.path("account").asString("") + "/"
                + json.path("data").path("object").path("object").asString() + "/" + event.objectId();
    }

    private static List<JsonNode> template(String name) {
        List<JsonNode> events = new ArrayList<>();
        JSON.readTree(resource(ROOT + name + ".json")).forEach(events::add);
        return events;
    }

    private static Set<String> ids(String name, String runId) {
        List<JsonNode> events = new ArrayList<>();
        for (FixtureEvent event : StripeFixtures.lifecycle(name, runId)) {
            events.add(JSON.readTree(event.body()));
        }
        Set<String> ids = new HashSet<>();
        forEachId(events, (path, id) -> ids.add(id));
        return ids;
    }

    /** Every id-like value: each {@code id} field, each whole Stripe id, each idempotency key. */
    private static void forEachId(List<JsonNode> events, BiConsumer<String, String> action) {
        for (JsonNode event : events) {
            walkIds(event, event.path("id").asString(), action);
        }
    }

    private static void walkIds(JsonNode node, String path, BiConsumer<String, String> action) {
        if (node.isObject()) {
            JsonNode objectType = node.path("object");
            boolean accountScoped =
                    objectType.isString() && OBJECTS_WITH_ACCOUNT_SCOPED_IDS.contains(objectType.asString());
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                JsonNode value = field.getValue();
                String at = path + "." + field.getKey();
                boolean idField = field.getKey().equals("id") || field.getKey().equals("idempotency_key");
                if (value.isString()
                        && idField
                        && !(accountScoped && field.getKey().equals("id"))) {
                    action.accept(at, value.asString());
                } else {
                    walkIds(value, at, action);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkIds(node.get(i), path + "[" + i + "]", action);
            }
        } else if (node.isString() && STRIPE_ID.matcher(node.asString()).matches()) {
            action.accept(path, node.asString());
        }
    }

    private static void collectScalars(JsonNode node, List<String> values) {
        if (node.isContainer()) {
            node.properties().forEach(field -> {
                values.add(field.getKey());
                collectScalars(field.getValue(), values);
            });
            if (node.isArray()) {
                node.forEach(element -> collectScalars(element, values));
            }
        } else if (!node.isNull()) {
            values.add(node.asString());
        }
    }

    private static List<String> luhnValidCardShapes(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = CARD_NUMBER_SHAPE.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            if (luhnValid(digits)) {
                found.add(matcher.group());
            }
        }
        return found;
    }

    private static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static String resource(String location) {
        try (InputStream in = StripeFixturesTest.class.getClassLoader().getResourceAsStream(location)) {
            assertThat(in).as(location).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
