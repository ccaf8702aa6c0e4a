package io.paystream.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDecoderTest {

    @Test
    void decodesStripesBracketsIntoMapsAndLists() {
        Map<String, Object> decoded = FormDecoder.decode("name=Gold+plan&metadata[tier]=gold&metadata[note]=a%26b"
                + "&recurring[interval]=month&recurring[interval_count]=3"
                + "&enabled_events[1]=price.created&enabled_events[0]=product.created"
                + "&expand[]=data.default_price&expand[]=data.product&created[gte]=10");

        assertThat(decoded)
                .containsEntry("name", "Gold plan")
                .containsEntry("metadata", Map.of("tier", "gold", "note", "a&b"))
                .containsEntry("recurring", Map.of("interval", "month", "interval_count", "3"))
                .containsEntry("enabled_events", List.of("product.created", "price.created"))
                .containsEntry("expand", List.of("data.default_price", "data.product"))
                .containsEntry("created", Map.of("gte", "10"));
    }

    @Test
    void nestedListsOfObjectsAndEmptyValuesSurvive() {
        Params params = new Params(
                FormDecoder.decode("marketing_features[0][name]=Fast&marketing_features[1][name]=Cheap&metadata="));

        assertThat(params.objects("marketing_features"))
                .extracting(feature -> feature.string("name"))
                .containsExactly("Fast", "Cheap");
        assertThat(params.mergeMetadata(Map.of("old", "value"))).isEmpty();
    }

    @Test
    void typedAccessFailsWithTheParameterStripeWouldName() {
        Params params = new Params(FormDecoder.decode("recurring[interval_count]=often&active=maybe"));

        assertThatThrownBy(() -> params.child("recurring").integer("interval_count"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.body().toString())
                        .contains("param=recurring[interval_count]"));
        assertThatThrownBy(() -> params.bool("active")).isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> params.allowOnly(List.of("active")))
                .isInstanceOfSatisfying(
                        ApiError.class, e -> assertThat(e.body().toString()).contains("param=recurring"));
    }
}
