package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paystream.testsupport.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path dir;

    private ServiceProcess start(String mode) {
        return start(mode, 0);
    }

    private ServiceProcess start(String mode, int niceness) {
        Path jar = FakeServiceJars.write(dir.resolve("svc.jar"), mode);
        int port = FreePorts.next();
        ServiceSpec spec = new ServiceSpec(
                        "fake-service", "ingest-port", port, true, Map.of("SERVER_PORT", Integer.toString(port)))
                .withNiceness(niceness);
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

    @Test
    void aServiceGivenANicenessRunsAtItInEveryThread() throws IOException {
        assumeTrue(
                Files.isDirectory(Path.of("/proc/self/task"))
                        && (Files.isExecutable(Path.of("/usr/bin/nice")) || Files.isExecutable(Path.of("/bin/nice"))),
                "needs Linux's /proc and a nice command");
        ServiceProcess process = start("up", 10);
        try {
            process.awaitHealthy(Duration.ofSeconds(120));
            List<Integer> nicenesses = new ArrayList<>();
            try (Stream<Path> tasks =
                    Files.list(Path.of("/proc", Long.toString(process.handle().pid()), "task"))) {
                for (Path task : tasks.toList()) {
                    nicenesses.add(niceness(task.resolve("stat")));
                }
            }

            assertThat(nicenesses).hasSizeGreaterThan(5).containsOnly(10);
        } finally {
            process.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void theIngestAloneRunsBelowThePipelineItFeeds() {
        assertThat(ServiceSpec.all(RunningStackTest.settingsFor(dir))).allSatisfy(spec -> assertThat(spec.niceness())
                .as(spec.module())
                .isEqualTo(spec.module().equals("webhook-ingest") ? ServiceSpec.INGEST_NICENESS : 0));
    }

    /** Field 19 of proc(5)'s stat, counted after the command name, which may hold spaces. */
    private static int niceness(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
