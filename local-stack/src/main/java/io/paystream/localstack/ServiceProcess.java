package io.paystream.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service jar running as a child {@code java -jar} process, its output in its own log file. */
final class ServiceProcess {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceSpec spec;
    private final Path log;
    private final Process process;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(ServiceSpec spec, Path log, Process process) {
        this.spec = spec;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code jar}; the log file is rewritten on every start so it shows this run only. */
    static ServiceProcess start(ServiceSpec spec, Path jar, Path log, String maxHeap) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.addAll(JvmOptions.withHeap(maxHeap));
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(spec.args());
        ProcessBuilder builder = new ProcessBuilder(CpuPriority.command(spec.niceness(), command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(spec.env());
        try {
            Files.createDirectories(log.getParent());
            return new ServiceProcess(spec, log, builder.start());
        } catch (IOException e) {
            throw new ServiceStartException("cannot start " + spec.module() + ": " + e.getMessage(), e);
        }
    }

    /** Waits until {@code /actuator/health} says UP; fails at once if the process exits. */
    void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String lastSeen = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(spec.healthUrl()))
                                .timeout(Duration.ofSeconds(2))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String status = statusOf(response.body());
                if (response.statusCode() == 200 && status.equals("UP")) {
                    return;
                }
                lastSeen = "HTTP " + response.statusCode() + ", status " + status;
            } catch (IOException notListeningYet) {
                // the port opens late in a Spring Boot start: keep probing until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for health");
            }
            pause();
        }
        throw failure("not healthy after " + timeout.toSeconds() + " s (last health: " + lastSeen + ")");
    }

    /** SIGTERM, so Spring's graceful shutdown finishes requests in flight; SIGKILL only after {@code grace}. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        awaitExit(grace);
    }

    /** Sends SIGTERM without waiting, so several services shut down side by side. */
    void requestStop() {
        process.destroy();
    }

    void awaitExit(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    ServiceSpec spec() {
        return spec;
    }

    Path log() {
        return log;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    private ServiceStartException failure(String what) {
        return new ServiceStartException(spec.module() + " " + what + ".\nIts log: " + log + lastLines(20));
    }

    private String lastLines(int count) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = new ArrayList<>(lines.subList(Math.max(0, lines.size() - count), lines.size()));
            return tail.isEmpty() ? "" : "\nLast lines of the log:\n  " + String.join("\n  ", tail);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    private void pause() {
        try {
            process.waitFor(PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String statusOf(String body) {
        try {
            JsonNode status = JSON.readTree(body).path("status");
            return status.isString() ? status.asString() : "unknown";
        } catch (RuntimeException notJson) {
            return "unreadable";
        }
    }
}
