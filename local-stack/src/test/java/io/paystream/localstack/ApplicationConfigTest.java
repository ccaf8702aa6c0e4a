package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader behind DockerComposeContractTest must itself be right, or the contract test proves nothing. */
class ApplicationConfigTest {

    @TempDir
    Path repo;

    @Test
    void aModuleWithoutApplicationYmlFailsNamingTheMissingFile() {
        assertThatThrownBy(() -> ApplicationConfig.of(repo, "payment-worker"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("payment-worker/src/main/resources/application.yml does not exist")
                .hasMessageContaining("cannot be checked");
    }

    @Test
    void readsPortPlaceholdersAndRelaxedNames() throws Exception {
        Path file = repo.resolve("svc/src/main/resources/application.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                server:
                  port: ${SERVICE_PORT:8089}
                spring:
                  kafka:
                    bootstrap-servers: ${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}
                paystream:
                  endpoints:
                    - secrets: ${STRIPE_WEBHOOK_SECRET:}
                  max-in-flight: 512
                """);

        ApplicationConfig config = ApplicationConfig.of(repo, "svc");

        assertThat(config.serverPort()).isEqualTo(8089);
        assertThat(config.reads("SERVICE_PORT")).isTrue();
        assertThat(config.reads("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(config.reads("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(config.reads("SPRING_KAFKA_BOOTSTRAPSERVERS")).isTrue();
        assertThat(config.reads("PAYSTREAM_MAXINFLIGHT")).isTrue();
        assertThat(config.reads("PAYSTREAM_ENDPOINTS_0_SECRETS")).isTrue();
        assertThat(config.reads("STRIPE_WEBHOOK_SECRET")).isTrue();
        assertThat(config.reads("PAYSTREAM_TENANT")).isFalse();
        assertThat(config.reads("SPRING_MONGODB_URI")).isFalse();
    }

    @Test
    void withoutServerPortItIsSpringBootsDefault() throws Exception {
        Path file = repo.resolve("bare/src/main/resources/application.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "spring:\n  application:\n    name: bare\n");

        assertThat(ApplicationConfig.of(repo, "bare").serverPort()).isEqualTo(8080);
    }
}
