package io.paystream.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * A real Apache Kafka broker (KRaft, combined broker and controller) in its own JVM process, so that tests can stop it
 * cleanly, kill it with SIGKILL, and restart it on the same port with its data intact; the local stack runs the same
 * broker. Embedded brokers cannot be killed without taking the test JVM down with them, hence a process.
 *
 * <p>The child JVM reuses this JVM's class path, which holds {@code kafka_2.13} through this module's dependencies.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /**
     * JVM options for tests: C1 only and the serial collector start the broker in about 2 s and keep its footprint
     * small, at the price of steady-state throughput. The local stack and the benchmarks pass their own options
     * (local-stack's {@code JvmOptions}, {@link #THROUGHPUT}).
     */
    public static final List<String> FAST_START = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** The JVM's defaults (C2, G1): what a production broker runs with, for benchmarks. */
    public static final List<String> THROUGHPUT = List.of();

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String classPath;
    private final String maxHeap;
    private final List<String> jvmOptions;
    private @Nullable Process process;

    private KafkaBrokerProcess(
            Path dataDir, int port, int controllerPort, String classPath, String maxHeap, List<String> jvmOptions) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classPath = classPath;
        this.maxHeap = maxHeap;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts a broker on free ports with its log in {@code dataDir}, formatting the directory on first use. */
    public static KafkaBrokerProcess start(Path dataDir) {
        return start(dataDir, FreePorts.next(), FreePorts.next());
    }

    public static KafkaBrokerProcess start(Path dataDir, int port, int controllerPort) {
        return start(dataDir, port, controllerPort, System.getProperty("java.class.path"), "512m");
    }

    public static KafkaBrokerProcess start(
            Path dataDir, int port, int controllerPort, String classPath, String maxHeap) {
        return start(dataDir, port, controllerPort, classPath, maxHeap, FAST_START);
    }

    /** Starts a broker with the given JVM options, e.g. {@link #THROUGHPUT} for a benchmark. */
    public static KafkaBrokerProcess start(
            Path dataDir, int port, int controllerPort, String classPath, String maxHeap, List<String> jvmOptions) {
        KafkaBrokerProcess broker =
                new KafkaBrokerProcess(dataDir, port, controllerPort, classPath, maxHeap, jvmOptions);
        broker.startProcess();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGTERM and wait: the broker flushes and shuts down cleanly. */
    public void stop() {
        if (isRunning()) {
            process.destroy();
            awaitExit();
        }
    }

    /** SIGKILL: the broker dies at whatever line it was on, as in a crash. */
    public void kill() {
        if (isRunning()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    /** Starts the stopped or killed broker again on the same ports with the same data. */
    public void restart() {
        if (isRunning()) {
            throw new IllegalStateException("broker still running");
        }
        startProcess();
    }

    @Override
    public void close() {
        stop();
    }

    private void startProcess() {
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            Path logDir = dataDir.resolve("log");
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(config);
            }
            process = java("kafka.Kafka", config.toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDir.resolve("broker.out").toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void format(Path config) throws IOException {
        Process format = java(
                        "kafka.tools.StorageTool",
                        "format",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        config.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("format.out").toFile()))
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException(
                        "formatting the Kafka log dir failed, see " + dataDir.resolve("format.out"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(javaBin, "-Xmx" + maxHeap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return builder;
    }

    private Path writeConfig() throws IOException {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", dataDir.resolve("log").toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        Path config = dataDir.resolve("server.properties");
        try (var out = Files.newOutputStream(config)) {
            props.store(out, "written by KafkaBrokerProcess");
        }
        return config;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        try (Admin admin = Admin.create(adminProps)) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "Kafka broker exited on start, see " + dataDir.resolve("broker.out"));
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(2, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // broker not listening yet: poll again until the deadline
                }
            }
        }
        throw new IllegalStateException("Kafka broker not ready after " + START_TIMEOUT);
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
