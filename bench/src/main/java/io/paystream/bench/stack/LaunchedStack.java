package io.paystream.bench.stack;

import io.paystream.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The stack exactly as users start it: {@code ./paystream up} as a child process, with nothing but its own data folder
 * and free ports (no heap, JVM or service options), so the numbers are those of the shipped launcher. The script
 * {@code exec}s the launcher JVM, so the child's pid is the launcher's, which hosts the MongoDB wire server; the Kafka
 * broker and the services are its children. Stopped with SIGTERM, which the launcher handles by stopping the services,
 * then the broker, then MongoDB, as on Ctrl-C.
 */
final class LaunchedStack implements AutoCloseable {

    /** What the launcher prints once every service answered its health check (local-stack's StackSummary). */
    static final String UP_LINE = "Paystream local stack is up.";

    private static final Duration STOP_GRACE = Duration.ofSeconds(120);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Ports ports;
    private final Process process;
    private final Path output;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** The stack's ports, all picked free at once (FreePorts.distinct) so no two services are told the same one. */
    record Ports(int kafka, int kafkaController, int mongo, int ingest, int worker, int catalog, int emulator) {

        static Ports free() {
            int[] p = FreePorts.distinct(7);
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
        }

        List<String> flags() {
            return List.of(
                    "--kafka-port", Integer.toString(kafka),
                    "--kafka-controller-port", Integer.toString(kafkaController),
                    "--mongo-port", Integer.toString(mongo),
                    "--ingest-port", Integer.toString(ingest),
                    "--worker-port", Integer.toString(worker),
                    "--catalog-port", Integer.toString(catalog),
                    "--emulator-port", Integer.toString(emulator));
        }
    }

    private LaunchedStack(Ports ports, Process process, Path output) {
        this.ports = ports;
        this.process = process;
        this.output = output;
    }

    /** Runs {@code ./paystream up} and returns once it printed that it is up and its services answer their health. */
    static LaunchedStack start(Path repo, Path dataDir, Duration timeout) {
        return start(repo, dataDir, timeout, Map.of());
    }

    /**
     * As {@link #start(Path, Path, Duration)}, with variables added to the launcher's environment, which the services
     * inherit: a special setup, to be labelled as such wherever its numbers appear.
     */
    static LaunchedStack start(Path repo, Path dataDir, Duration timeout, Map<String, String> environment) {
        Ports ports = Ports.free();
        List<String> command =
                new ArrayList<>(List.of(repo.resolve("paystream").toString(), "up", "--data-dir", dataDir.toString()));
        command.addAll(ports.flags());
        LaunchedStack stack;
        try {
            Files.createDirectories(dataDir);
            Path output = dataDir.resolve("launcher.out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(repo.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            stack = new LaunchedStack(ports, process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-stack"));
        try {
            stack.awaitUp(timeout);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void awaitUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!printed().contains(UP_LINE)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("./paystream up exited with " + process.exitValue() + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("./paystream up not up after " + timeout + ":\n" + tail());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
        }
        // The launcher comes up without catalog-sync or the emulator when they fail; the mix needs catalog-sync.
        for (String health : List.of(
                base(ports.ingest) + "/actuator/health",
                base(ports.worker) + "/actuator/health",
                base(ports.catalog) + "/actuator/health")) {
            if (status(health) != 200) {
                throw new IllegalStateException(health + " does not answer 200 although the stack is up:\n" + tail());
            }
        }
    }

    Ports ports() {
        return ports;
    }

    ProcessHandle launcher() {
        return process.toHandle();
    }

    Path output() {
        return output;
    }

    String ingestUrl() {
        return base(ports.ingest);
    }

    String workerUrl() {
        return base(ports.worker);
    }

    String catalogUrl() {
        return base(ports.catalog);
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + ports.mongo;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + ports.kafka;
    }

    /**
     * SIGTERM to the launcher, which stops the services, the broker and MongoDB in order; whatever of them still runs
     * after {@link #STOP_GRACE} is killed by pid. Idempotent: the shutdown hook calls it again.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Earlier runs' stack data (a Kafka log and a MongoDB file of a million events each, gigabytes), so runs do not pile up. */
    static void deleteEarlierData(Path results) {
        if (!Files.isDirectory(results)) {
            return;
        }
        try (Stream<Path> entries = Files.list(results)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith("stack-data-"))
                    .toList()) {
                try (Stream<Path> tree = Files.walk(dir)) {
                    for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String printed() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String tail() {
        List<String> lines = printed().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static int status(String url) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
