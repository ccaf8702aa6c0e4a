package io.paystream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.ingest.endpoint.LivemodePolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

class IngestPropertiesTest {

    private static IngestProperties properties(
            Duration tolerance,
            Duration publishTimeout,
            int maxInFlight,
            Map<String, IngestProperties.Endpoint> endpoints) {
        return new IngestProperties(
                "stripe.events", tolerance, DataSize.ofKilobytes(512), publishTimeout, maxInFlight, endpoints);
    }

    private static IngestProperties.Endpoint endpoint(String... secrets) {
        return new IngestProperties.Endpoint(Arrays.asList(secrets), "tenant", LivemodePolicy.BOTH);
    }

    @Test
    void acceptsTheDefaults() {
        IngestProperties defaults = properties(Duration.ofSeconds(300), Duration.ofSeconds(3), 512, null);
        assertThat(defaults.endpoints()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1S", "PT0.5S"})
    void refusesAToleranceUnderOneSecond(String tolerance) {
        assertThatThrownBy(() -> properties(Duration.parse(tolerance), Duration.ofSeconds(3), 512, null))
                .hasMessageContaining("signature-tolerance must be at least 1s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1S", "PT9S", "PT30S"})
    void refusesAPublishTimeoutOutsideStripesPatience(String timeout) {
        assertThatThrownBy(() -> properties(Duration.ofSeconds(300), Duration.parse(timeout), 512, null))
                .hasMessageContaining("publish-timeout must be between");
    }

    @Test
    void refusesANonPositiveInFlightLimit() {
        assertThatThrownBy(() -> properties(Duration.ofSeconds(300), Duration.ofSeconds(3), 0, null))
                .hasMessageContaining("max-in-flight must be positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad id", "_unknown", "a/b", ""})
    void refusesEndpointIdsThatCannotBeUrlSegmentsOrMetricTags(String id) {
        assertThatThrownBy(() -> properties(Duration.ofSeconds(300), Duration.ofSeconds(3), 1, Map.of(id, endpoint())))
                .hasMessageContaining("must match");
    }

    @Test
    void splitsSecretsAndDropsBlanks() {
        assertThat(endpoint(" whsec_a ", "", "whsec_b").secrets()).containsExactly("whsec_a", "whsec_b");
        assertThat(new IngestProperties.Endpoint(null, "t", LivemodePolicy.LIVE).secrets())
                .isEmpty();
    }

    @Test
    void neverPrintsSecrets() {
        assertThat(endpoint("whsec_top_secret").toString()).doesNotContain("whsec_top_secret");
        assertThat(properties(
                                Duration.ofSeconds(300),
                                Duration.ofSeconds(3),
                                1,
                                Map.of("default", endpoint("whsec_top_secret")))
                        .toString())
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
