package io.paystream.bench.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MixTemplatesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ID = MixScript.id("r1abcdefb12", 0, 123_456);

    @ParameterizedTest
    @EnumSource(MixType.class)
    void eachTypeIsASnapshotEventOfAbout2400Bytes(MixType type) {
        String body = MixTemplates.render(type, ID, 1_796_600_000L);
        JsonNode event = JSON.readTree(body);

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isBetween(2_250, 2_550);
        assertThat(event.path("object").asString()).isEqualTo("event");
        assertThat(event.path("type").asString()).isEqualTo(type.eventType());
        assertThat(event.path("created").asLong()).isEqualTo(1_796_600_000L);
        assertThat(event.path("livemode").asBoolean(true)).isFalse();
        assertThat(event.path("data").path("object").path("object").asString())
                .isEqualTo(type.eventType()
                        .substring(0, type.eventType().lastIndexOf('.'))
                        .replace("customer.", ""));
        assertThat(event.path("data").path("object").path("id").asString()).endsWith("_" + ID);
    }

    @Test
    void theObjectsOfOneIdLinkAsOneCheckoutAndSubscriptionWould() {
        JsonNode charge = object(MixType.CHARGE);
        JsonNode invoice = object(MixType.INVOICE);
        JsonNode subscription = object(MixType.SUBSCRIPTION);
        JsonNode price = object(MixType.PRICE);

        assertThat(charge.path("payment_intent").asString()).isEqualTo("pi_" + ID);
        assertThat(subscription.path("customer").asString()).isEqualTo("cus_" + ID);
        assertThat(invoice.path("customer").asString()).isEqualTo("cus_" + ID);
        assertThat(invoice.path("parent")
                        .path("subscription_details")
                        .path("subscription")
                        .asString())
                .isEqualTo("sub_" + ID);
        assertThat(price.path("product").asString()).isEqualTo("prod_" + ID);
    }

    @Test
    void eventAndObjectIdsDifferAcrossTypes() {
        Set<String> ids = new HashSet<>();
        for (MixType type : MixType.values()) {
            JsonNode event = JSON.readTree(MixTemplates.render(type, ID, 1L));
            ids.add(event.path("id").asString());
            ids.add(event.path("data").path("object").path("id").asString());
        }
        assertThat(ids).hasSize(2 * MixType.values().length);
    }

    @ParameterizedTest
    @EnumSource(MixType.class)
    void thePiecesJoinBackToTheTemplate(MixType type) {
        assertThat(String.join("", MixTemplates.pieces(type))).isEqualTo(MixTemplates.compact(type));
    }

    private static JsonNode object(MixType type) {
        return JSON.readTree(MixTemplates.render(type, ID, 1L)).path("data").path("object");
    }
}
