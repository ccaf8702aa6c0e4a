package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paystream.testsupport.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path dir;

    private ServiceProcess start(String mode) {
        Path jar = FakeServiceJars.write(dir.resolve("svc.jar"), mode);
        int port = FreePorts.next();
        ServiceSpec spec = new ServiceSpec(
                "fake-service", "ingest-port", port, true, Map.of("SERVER_PORT", Integer.toString(port)));
        return ServiceProcess.start(spec, jar, dir.resolve("logs/fake-service.log"), "64m");
    }

    @Test
    void aServiceThatExitsOnStartFailsAtOnceWithItsLogPathAndLastLines() {
        ServiceProcess process = start("crash");

        assertThatThrownBy(() -> process.awaitHealthy(Duration.ofSeconds(120)))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("fake-service exited with code 3 while starting")
                .hasMessageContaining("Its log: " + dir.resolve("logs/fake-service.log"))
                .hasMessageContaining("boom: cannot start");
    }

    @Test
    void aServiceThatStaysDownFailsAfterTheTimeoutWithTheLastHealthSeen() {
        ServiceProcess process = start("down");
        try {
            assertThatThrownBy(() -> process.awaitHealthy(Duration.ofSeconds(10)))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("not healthy after 10 s")
                    .hasMessageContaining("HTTP 503, status DOWN");
        } finally {
            process.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void aHealthyServiceIsStoppedBySigterm() {
        ServiceProcess process = start("up");

        process.awaitHealthy(Duration.ofSeconds(120));
        assertThat(process.handle().isAlive()).isTrue();
        process.stop(Duration.ofSeconds(30));

        assertThat(process.handle().isAlive()).isFalse();
    }

    @Test
    void aServiceRunsWithTheRunningSystemJvmOptionsNotTheTestsFastStartOnes() {
        ServiceProcess process = start("up");
        try {
            List<String> arguments = List.of(process.handle().info().arguments().orElseThrow());

            assertThat(arguments)
                    .contains("-Xmx64m")
                    .containsAll(JvmOptions.RUNNING_SYSTEM)
                    .noneMatch(argument -> argument.startsWith("-XX:TieredStopAtLevel"))
                    .doesNotContain("-XX:+UseSerialGC");
        } finally {
            process.stop(Duration.ofSeconds(30));
        }
    }
}
