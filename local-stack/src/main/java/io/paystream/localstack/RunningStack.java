package io.paystream.localstack;

import io.paystream.testsupport.EmbeddedMongoServer;
import io.paystream.testsupport.KafkaBrokerProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The started stack: a Kafka broker process, the embedded Mongo server in this JVM and the service processes. Closing
 * it stops the services first (they still need Kafka and Mongo to shut down cleanly), then the broker, then Mongo.
 */
final class RunningStack implements AutoCloseable {

    /**
     * The MongoDB server's page cache: documents and index pages beyond it stay in the file. With the launcher's
     * heap ({@code --mongo-heap}, default 3g) it bounds the server's memory whatever the store's size; MVStore's
     * default (16 MB) holds only a sliver of the working set of a store with a million documents and its indexes.
     */
    static final int MONGO_CACHE_MB = 256;

    private static final Duration SERVICE_GRACE = Duration.ofSeconds(30);

    private final StackSettings settings;
    private final PrintStream out;
    private final Map<String, String> outcomes = new LinkedHashMap<>();
    private DemoConnection.@Nullable Result demoConnection;
    private final List<ServiceProcess> services = new ArrayList<>();
    private boolean closed;
    private @Nullable KafkaBrokerProcess broker;
    private @Nullable EmbeddedMongoServer mongo;

    private RunningStack(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Starts everything or nothing: on a failure whatever was started is stopped again before the exception. */
    static RunningStack start(StackSettings settings, PrintStream out) {
        RunningStack stack = new RunningStack(settings, out);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        List<ServiceSpec> specs = ServiceSpec.all(settings);
        requireFreePorts(specs);
        createDirectories();

        out.println("Starting Kafka broker on " + settings.bootstrapServers() + " (data in " + kafkaDir() + ")");
        try {
            broker = KafkaBrokerProcess.start(
                    kafkaDir(),
                    settings.kafkaPort(),
                    settings.kafkaControllerPort(),
                    settings.classPath(),
                    settings.kafkaHeap(),
                    JvmOptions.RUNNING_SYSTEM);
        } catch (RuntimeException e) {
            throw new ServiceStartException(
                    "Kafka broker did not start: " + e.getMessage() + "\nIts log: "
                            + kafkaDir().resolve("broker.out"),
                    e);
        }

        out.println(
                "Starting MongoDB wire server on 127.0.0.1:" + settings.mongoPort() + " (data in " + mongoFile() + ")");
        try {
            mongo = EmbeddedMongoServer.persistent(mongoFile(), settings.mongoPort(), MONGO_CACHE_MB);
        } catch (RuntimeException e) {
            throw new ServiceStartException(
                    "MongoDB wire server did not start on " + mongoFile() + ": " + e.getMessage(), e);
        }

        List<ServiceProcess> starting = new ArrayList<>();
        for (ServiceSpec spec : specs) {
            Path jar = spec.jar(settings.home());
            if (!Files.isRegularFile(jar)) {
                outcomes.put(spec.module(), "not built (no " + settings.home().relativize(jar) + ")");
                continue;
            }
            out.println("Starting " + spec.module() + " on port " + spec.port() + " (log " + logOf(spec) + ")");
            ServiceProcess process =
                    ServiceProcess.start(spec, runCopyOf(spec, jar), logOf(spec), settings.serviceHeap());
            starting.add(process);
            services.add(process);
        }
        // all services boot side by side; waiting on each in turn costs only the slowest one's start time
        for (ServiceProcess process : starting) {
            awaitHealthy(process);
        }
        if ("up".equals(outcomes.get("catalog-sync")) && "up".equals(outcomes.get("stripe-emulator"))) {
            out.println("Connecting the emulator's demo shop by its API keys (POST /api/connections)");
            demoConnection = DemoConnection.connect(settings);
        }
    }

    /** The demo shop's connection, empty when catalog-sync or the emulator is not running. */
    java.util.Optional<DemoConnection.Result> demoConnection() {
        return java.util.Optional.ofNullable(demoConnection);
    }

    private void awaitHealthy(ServiceProcess process) {
        ServiceSpec spec = process.spec();
        try {
            process.awaitHealthy(settings.startTimeout());
            outcomes.put(spec.module(), "up");
        } catch (ServiceStartException e) {
            if (spec.required()) {
                throw e;
            }
            process.stop(SERVICE_GRACE);
            services.remove(process);
            outcomes.put(spec.module(), "left out, it did not start (see " + process.log() + ")");
            out.println("WARNING: " + e.getMessage());
        }
    }

    /**
     * Services run from a copy: rebuilding a module while the stack is up would otherwise replace the jar under the
     * running JVM, whose next class load then fails.
     */
    private Path runCopyOf(ServiceSpec spec, Path jar) {
        Path copy = settings.dataDir().resolve("run").resolve(spec.module() + ".jar");
        try {
            Files.createDirectories(copy.getParent());
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new ServiceStartException("cannot copy " + jar + " to " + copy + ": " + e.getMessage(), e);
        }
    }

    private void requireFreePorts(List<ServiceSpec> specs) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(settings.kafkaPort(), "Kafka (--kafka-port)");
        ports.put(settings.kafkaControllerPort(), "the Kafka controller (--kafka-controller-port)");
        ports.put(settings.mongoPort(), "MongoDB (--mongo-port)");
        for (ServiceSpec spec : specs) {
            if (Files.isRegularFile(spec.jar(settings.home()))) {
                ports.put(spec.port(), spec.module() + " (--" + spec.portOption() + ")");
            }
        }
        for (Map.Entry<Integer, String> port : ports.entrySet()) {
            try (ServerSocket probe = new ServerSocket(port.getKey(), 1, InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (IOException inUse) {
                throw new ServiceStartException("port " + port.getKey() + " for " + port.getValue()
                        + " is already in use. Is a stack already running? Stop it, or pick another port.");
            }
        }
    }

    private void createDirectories() {
        try {
            Files.createDirectories(settings.logDir());
            Files.createDirectories(kafkaDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path kafkaDir() {
        return settings.dataDir().resolve("kafka");
    }

    Path mongoFile() {
        // v2: test-support's storage format 2 (BSON documents, typed index keys); it refuses a file of the old format,
        // so a data folder from before keeps its old mongo.mv beside a fresh store instead of failing to start
        return settings.dataDir().resolve("mongo-v2.mv");
    }

    Path logOf(ServiceSpec spec) {
        return settings.logDir().resolve(spec.module() + ".log");
    }

    StackSettings settings() {
        return settings;
    }

    /** Per service: "up", "not built (...)" or why it was left out. */
    Map<String, String> outcomes() {
        return Map.copyOf(outcomes);
    }

    List<ProcessHandle> serviceProcesses() {
        return services.stream().map(ServiceProcess::handle).toList();
    }

    boolean brokerRunning() {
        return broker != null && broker.isRunning();
    }

    /** Idempotent; a second caller (another Ctrl-C, the shutdown hook) waits until the first one has finished. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!services.isEmpty()) {
            out.println("Stopping services ...");
            services.forEach(ServiceProcess::requestStop);
            services.forEach(service -> service.awaitExit(SERVICE_GRACE));
        }
        if (broker != null) {
            out.println("Stopping Kafka broker ...");
            broker.stop();
        }
        if (mongo != null) {
            out.println("Stopping MongoDB wire server ...");
            mongo.shutdownNow();
        }
    }
}
