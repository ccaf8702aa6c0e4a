package io.paystream.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Settings that would make the ingest unsafe stop it at start-up, with a message that says why. The other checks of
 * {@link IngestProperties} run without starting the application, in {@link IngestPropertiesTest}.
 */
class StartupValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-1s"})
    void refusesASignatureToleranceThatDisablesReplayProtection(String tolerance) {
        assertThatThrownBy(() -> start("--paystream.ingest.signature-tolerance=" + tolerance))
                .satisfies(failure -> assertThat(rootCause(failure))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("paystream.ingest.signature-tolerance must be at least 1s")
                        .hasMessageContaining("replay protection"));
    }

    @Test
    void theLiveProfileRefusesToRunWithoutEncryptionKeys() {
        assertThatThrownBy(() -> start("--spring.profiles.active=live"))
                .satisfies(failure -> assertThat(rootCause(failure))
                        .hasMessageContaining("'live' profile is active")
                        .hasMessageContaining("PAYSTREAM_CRYPTO_KEYS_<ID>"));
    }

    /**
     * The one {@code paystream.crypto} rule of every service (service-support): a key id named without its key is a key
     * lost on the way, so the start stops even outside {@code live}, instead of decrypting with the public key.
     */
    @Test
    void anActiveKeyIdWithoutItsKeyStopsTheStart() {
        assertThatThrownBy(() -> start("--paystream.crypto.active-key-id=k2026a"))
                .satisfies(failure -> assertThat(rootCause(failure))
                        .hasMessageContaining("paystream.crypto is invalid")
                        .hasMessageContaining("PAYSTREAM_CRYPTO_KEYS_K2026A"));
    }

    private static void start(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--spring.kafka.bootstrap-servers=127.0.0.1:1";
        new SpringApplicationBuilder(WebhookIngestApplication.class)
                .web(WebApplicationType.NONE)
                .run(all)
                .close();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
