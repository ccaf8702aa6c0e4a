package io.paystream.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.model.Product;
import io.paystream.testsupport.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StripeEmulatorMainTest {

    @Test
    void startsSeededOnTheGivenPortAndPrintsThePlatformKeys() throws Exception {
        int port = FreePorts.next();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        MainOptions options = MainOptions.parse(
                "--port=" + port, "--seed-products=12", "--prices-per-product=2", "--test-rate-limit=0");

        try (StripeEmulator emulator =
                StripeEmulatorMain.start(options, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            EmulatedAccount platform = emulator.platformAccount();
            assertThat(emulator.port()).isEqualTo(port);
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains(platform.id(), platform.testSecretKey(), platform.testPublishableKey())
                    .doesNotContain(platform.liveSecretKey());
            List<Product> products = new ArrayList<>();
            Clients.forKey(emulator, platform.testSecretKey())
                    .v1()
                    .products()
                    .list()
                    .autoPagingIterable()
                    .forEach(products::add);
            assertThat(products).hasSize(12);
        }
    }

    @Test
    void rejectsUnknownFlagsAndAHalfConfiguredWebhook() {
        assertThatThrownBy(() -> MainOptions.parse("--colour=red")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MainOptions.parse("--webhook-url=http://localhost:8080/hook"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MainOptions.parse("--port=abc")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MainOptions.parse().port()).isEqualTo(12111);
        assertThat(MainOptions.parse().testRateLimit()).isEqualTo(25);
    }
}
