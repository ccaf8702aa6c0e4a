package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.emulator.EmulatorSettings;
import io.paystream.emulator.StripeEmulator;
import io.paystream.testsupport.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EmulatorLifecyclesTest {

    @Test
    void theEmulatorPlaysTheLifecycleAndItsEventsApiListsWhatItPlayed() throws Exception {
        try (StripeEmulator stripe =
                StripeEmulator.start(EmulatorSettings.defaults().withoutRateLimits())) {
            EmulatorLifecycles emulator = new EmulatorLifecycles(stripe.port());
            ByteArrayOutputStream printed = new ByteArrayOutputStream();

            assertThat(emulator.reachable()).isTrue();
            int played = emulator.enact("local-stack-smoke", new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(played).isPositive();
            assertThat(printed.toString(StandardCharsets.UTF_8).lines()).hasSize(played);
            HttpResponse<String> events = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(stripe.baseUrl() + "/v1/events?limit=100"))
                                    .header(
                                            "Authorization",
                                            "Bearer " + stripe.platformAccount().testSecretKey())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode listed =
                    JsonMapper.builder().build().readTree(events.body()).path("data");
            assertThat(listed.size()).isEqualTo(played);
        }
    }

    @Test
    void aStackWithoutTheEmulatorIsNotReachable() {
        assertThat(new EmulatorLifecycles(FreePorts.distinct(1)[0]).reachable()).isFalse();
    }
}
