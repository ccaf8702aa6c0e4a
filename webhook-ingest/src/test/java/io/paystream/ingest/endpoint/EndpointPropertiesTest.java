package io.paystream.ingest.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointPropertiesTest {

    private static EndpointProperties.Endpoint endpoint(String... secrets) {
        return new EndpointProperties.Endpoint(Arrays.asList(secrets), "tenant", LivemodePolicy.BOTH);
    }

    @Test
    void noEndpointsConfiguredMeansNone() {
        assertThat(new EndpointProperties(null).endpoints()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad id", "_unknown", "a/b", ""})
    void refusesEndpointIdsThatCannotBeUrlSegmentsOrMetricTags(String id) {
        assertThatThrownBy(() -> new EndpointProperties(Map.of(id, endpoint()))).hasMessageContaining("must match");
    }

    @Test
    void splitsSecretsAndDropsBlanks() {
        assertThat(endpoint(" whsec_a ", "", "whsec_b").secrets()).containsExactly("whsec_a", "whsec_b");
        assertThat(new EndpointProperties.Endpoint(null, "t", LivemodePolicy.LIVE).secrets())
                .isEmpty();
    }

    @Test
    void neverPrintsSecrets() {
        assertThat(endpoint("whsec_top_secret").toString()).doesNotContain("whsec_top_secret");
        assertThat(new EndpointProperties(Map.of("default", endpoint("whsec_top_secret"))).toString())
                .doesNotContain("whsec_top_secret");
    }

    @Test
    void livemodePoliciesAcceptTheirModes() {
        assertThat(List.of(LivemodePolicy.LIVE.accepts(true), LivemodePolicy.LIVE.accepts(false)))
                .containsExactly(true, false);
        assertThat(List.of(LivemodePolicy.TEST.accepts(true), LivemodePolicy.TEST.accepts(false)))
                .containsExactly(false, true);
        assertThat(List.of(LivemodePolicy.BOTH.accepts(true), LivemodePolicy.BOTH.accepts(false)))
                .containsExactly(true, true);
    }
}
