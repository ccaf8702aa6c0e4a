package io.paystream.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** List pages write seeded objects from compiled templates: the same JSON as the reference rendering, field order too. */
class CompiledTemplateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Ordinals that reach every override: canceled, trialing and past due subscriptions, open invoices. */
    private static final int[] ORDINALS = {0, 1, 4, 7, 8, 12, 22, 37, 150, 199, 200, 399};

    @Test
    void everyKindListsAsItsReferenceRenderingInBothModes() {
        for (boolean livemode : new boolean[] {false, true}) {
            SeededPayments seeded = new SeededPayments(
                    new Ids(), 1_800_000_000L, "acct_1Platform" + livemode, livemode, 120, 400, 40, 400);
            for (SeededBlock block : seeded.blocks()) {
                for (int ordinal : ORDINALS) {
                    if (ordinal >= block.count) {
                        continue;
                    }
                    assertSameJson(
                            block.kind + " " + ordinal + (livemode ? " live" : " test"),
                            page(block.object(ordinal).listed()),
                            page(seeded.render(block.kind, ordinal)));
                }
            }
        }
    }

    @Test
    void invoicesWithoutSubscriptionsListAsTheirReferenceRendering() {
        SeededPayments seeded = new SeededPayments(new Ids(), 1_800_000_000L, "acct_1Platform", false, 10, 0, 0, 30);
        for (int ordinal = 0; ordinal < 30; ordinal++) {
            assertSameJson(
                    "invoice " + ordinal,
                    page(seeded.invoices.object(ordinal).listed()),
                    page(seeded.render(PaymentKind.INVOICE, ordinal)));
        }
    }

    @Test
    void overridesTheTemplateLacksAreAppendedInOrderAndNullsStay() {
        CompiledTemplate template =
                new CompiledTemplate(Map.of("created", 1_700_000_000L), List.of(SeedTemplates.CUSTOMER));
        JsonMap overrides = new JsonMap().with("b", null).with("a", "x\"y").with("created", 5);

        byte[] json = template.write(10, true, "run", new String[] {"cus_1"}, overrides);

        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"created\":5,\"b\":null,\"a\":\"x\\\"y\"}");
    }

    /** A list page of one object, as the API writes it. */
    private static byte[] page(Object object) {
        return Json.bytes(ListPage.envelope(List.of(object), false, "/v1/objects"));
    }

    private static void assertSameJson(String what, byte[] listed, byte[] reference) {
        JsonNode fast = JSON.readTree(listed);
        JsonNode expected = JSON.readTree(reference);
        assertThat(fast).as(what).isEqualTo(expected);
        assertThat(fieldOrder(fast, "")).as(what + ": field order").isEqualTo(fieldOrder(expected, ""));
        assertThat(new String(listed, StandardCharsets.UTF_8))
                .as(what + ": text")
                .isEqualTo(new String(reference, StandardCharsets.UTF_8));
    }

    /** Every object's field names in order, with their paths, through nested objects and arrays. */
    private static List<String> fieldOrder(JsonNode node, String path) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                names.add(path + "." + field.getKey());
                names.addAll(fieldOrder(field.getValue(), path + "." + field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                names.addAll(fieldOrder(node.get(i), path + "[" + i + "]"));
            }
        }
        return names;
    }
}
