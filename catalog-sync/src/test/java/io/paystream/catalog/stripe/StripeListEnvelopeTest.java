package io.paystream.catalog.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The hand-written cut ({@link JsonSkim}) against Jackson, which reads the same answers in full. */
class StripeListEnvelopeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Test
    void trickyObjectsAreCutExactlyWithTheirTypeAndId() {
        List<String> objects = List.of(
                "{\"id\":\"cus_1\",\"object\":\"customer\",\"name\":\"a \\\"quoted\\\" } { ] [ name\"}",
                "{ \"metadata\" : { \"object\" : \"not me\", \"id\": \"nor me\" } , \"object\" : \"charge\" ,"
                        + " \"id\" : \"ch_\\u0031\" }",
                "{\"object\":\"balance\",\"available\":[{\"amount\":-1.5e3,\"x\":[[],{}]}],\"livemode\":false}",
                "{\"id\":7,\"object\":\"odd\",\"flag\":true,\"none\":null,\"text\":\"back\\\\slash\\\\\"}",
                "{}");

        StripeListEnvelope<StripeListEnvelope.ListedObject> cut =
                StripeListEnvelope.cut(envelope(objects, "\n  ", true), object -> object);

        assertThat(cut.items())
                .extracting(StripeListEnvelope.ListedObject::json)
                .containsExactlyElementsOf(objects);
        assertThat(cut.items())
                .extracting(StripeListEnvelope.ListedObject::type)
                .containsExactly("customer", "charge", "balance", "odd", null);
        assertThat(cut.items())
                .extracting(StripeListEnvelope.ListedObject::id)
                .as("only top-level string ids; escapes decoded")
                .containsExactly("cus_1", "ch_1", null, null, null);
        assertThat(cut.hasMore()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomObjectsCutAsJacksonReadsThem(long seed) {
        Random random = new Random(seed);
        List<JsonNode> trees = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ObjectNode tree = randomObject(random, 0);
            if (random.nextBoolean()) {
                tree.put("object", randomString(random));
            }
            if (random.nextBoolean()) {
                tree.put("id", randomString(random));
            }
            trees.add(tree);
            texts.add((random.nextBoolean() ? PRETTY : JSON).writeValueAsString(tree));
        }
        boolean hasMore = random.nextBoolean();

        StripeListEnvelope<StripeListEnvelope.ListedObject> cut =
                StripeListEnvelope.cut(envelope(texts, random.nextBoolean() ? " " : "", hasMore), object -> object);

        assertThat(cut.hasMore()).isEqualTo(hasMore);
        assertThat(cut.items()).hasSize(trees.size());
        for (int i = 0; i < trees.size(); i++) {
            StripeListEnvelope.ListedObject object = cut.items().get(i);
            JsonNode tree = trees.get(i);
            assertThat(object.json()).isEqualTo(texts.get(i));
            assertThat(object.type()).isEqualTo(stringField(tree, "object"));
            assertThat(object.id()).isEqualTo(stringField(tree, "id"));
        }
    }

    @Test
    void aSingleObjectIsCutWithoutTheSpaceAroundIt() {
        StripeListEnvelope.ListedObject account =
                StripeListEnvelope.single(" {\"id\":\"acct_1\",\"object\":\"account\"}\n");

        assertThat(account)
                .isEqualTo(new StripeListEnvelope.ListedObject(
                        "{\"id\":\"acct_1\",\"object\":\"account\"}", "account", "acct_1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{\"object\":\"list\"}",
                "{\"data\":[{\"id\":\"x\"}],\"has_more\":false",
                "{\"data\":[{\"id\":\"x}],\"has_more\":false}",
                "{\"data\":[{\"id\":\"x\"},],\"has_more\":false}",
                "{\"data\":[1,2],\"has_more\":false}",
                "{\"data\":[{\"id\" \"x\"}],\"has_more\":false}",
                "{\"data\":[{\"id\":\"x\"}],\"has_more\":false} trailing",
                "{\"data\":[{\"a\":[1,2}],\"has_more\":false}"
            })
    void whatIsNotAWellFormedListIsRefused(String body) {
        assertThatThrownBy(() -> StripeListEnvelope.cut(body, object -> object))
                .isInstanceOf(IllegalStateException.class);
    }

    private static @Nullable String stringField(JsonNode tree, String name) {
        JsonNode field = tree.get(name);
        return field != null && field.isString() ? field.asString() : null;
    }

    private static String envelope(List<String> objects, String space, boolean hasMore) {
        return "{" + space + "\"object\":\"list\"," + space + "\"url\":\"/v1/x\",\"data\":[" + space
                + String.join("," + space, objects) + space + "]," + space + "\"has_more\":" + hasMore + space + "}";
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        int fields = random.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < fields; i++) {
            String name = random.nextInt(5) == 0 ? (random.nextBoolean() ? "object" : "id") : randomString(random);
            switch (random.nextInt(depth < 3 ? 7 : 5)) {
                case 0 -> node.put(name, randomString(random));
                case 1 -> node.put(name, random.nextLong());
                case 2 -> node.put(name, random.nextDouble() * 1e6);
                case 3 -> node.put(name, random.nextBoolean());
                case 4 -> node.putNull(name);
                case 5 -> node.set(name, randomObject(random, depth + 1));
                default -> {
                    ArrayNode array = node.putArray(name);
                    for (int j = random.nextInt(4); j > 0; j--) {
                        array.add(
                                random.nextBoolean()
                                        ? randomObject(random, depth + 1)
                                        : JsonNodeFactory.instance.stringNode("x]"));
                    }
                }
            }
        }
        return node;
    }

    /** Strings with the characters a cut must not mistake for structure. */
    private static String randomString(Random random) {
        String alphabet = "ab_9 {}[]\",:\\\n\té€😀";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(10); i > 0; i--) {
            text.appendCodePoint(alphabet.codePoints()
                    .toArray()[random.nextInt((int) alphabet.codePoints().count())]);
        }
        return text.toString();
    }
}
