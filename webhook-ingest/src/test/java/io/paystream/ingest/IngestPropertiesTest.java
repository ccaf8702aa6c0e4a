package io.paystream.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/** The ingest's own settings; the endpoints' are checked in {@code EndpointPropertiesTest}. */
class IngestPropertiesTest {

    private static IngestProperties properties(Duration tolerance, Duration publishTimeout, int maxInFlight) {
        return new IngestProperties("stripe.events", tolerance, DataSize.ofKilobytes(512), publishTimeout, maxInFlight);
    }

    @Test
    void acceptsTheDefaults() {
        assertThatCode(() -> properties(Duration.ofSeconds(300), Duration.ofSeconds(3), 512))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1S", "PT0.5S"})
    void refusesAToleranceUnderOneSecond(String tolerance) {
        assertThatThrownBy(() -> properties(Duration.parse(tolerance), Duration.ofSeconds(3), 512))
                .hasMessageContaining("signature-tolerance must be at least 1s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1S", "PT9S", "PT30S"})
    void refusesAPublishTimeoutOutsideStripesPatience(String timeout) {
        assertThatThrownBy(() -> properties(Duration.ofSeconds(300), Duration.parse(timeout), 512))
                .hasMessageContaining("publish-timeout must be between");
    }

    @Test
    void refusesANonPositiveInFlightLimit() {
        assertThatThrownBy(() -> properties(Duration.ofSeconds(300), Duration.ofSeconds(3), 0))
                .hasMessageContaining("max-in-flight must be positive");
    }
}
