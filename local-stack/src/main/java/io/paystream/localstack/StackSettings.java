package io.paystream.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code up} needs, resolved from flags, then environment variables, then the defaults below. The defaults
 * are the ports the services and the README use, so {@code send} and {@code tail} find the stack without options.
 *
 * @param home the repository root: service jars are looked up under it
 * @param dataDir Kafka log, Mongo file and service logs; kept between runs
 * @param extraSecrets signing secrets accepted besides {@link #DEV_SECRET}, e.g. the one {@code stripe listen} prints
 * @param tenant the default endpoint's tenant, or empty to keep the ingest's own default
 * @param classPath the class path of the Kafka broker process (the launcher's own, which holds kafka_2.13)
 * @param externalStripe Stripe's test mode (or another Stripe-compatible API) instead of the emulator
 */
record StackSettings(
        Path home,
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int ingestPort,
        int workerPort,
        int catalogPort,
        int emulatorPort,
        List<String> extraSecrets,
        Optional<String> tenant,
        boolean jsonLogs,
        String kafkaHeap,
        String serviceHeap,
        Duration startTimeout,
        String classPath,
        Optional<ExternalStripe> externalStripe) {

    /** Known to everyone on purpose: it only ever signs fixture events sent to a local stack. */
    static final String DEV_SECRET = "whsec_paystream_local_dev_secret";

    static final int DEFAULT_KAFKA_PORT = 9092;
    static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    static final int DEFAULT_MONGO_PORT = 27017;
    static final int DEFAULT_INGEST_PORT = 8080;
    static final int DEFAULT_WORKER_PORT = 8081;
    static final int DEFAULT_CATALOG_PORT = 8082;
    static final int DEFAULT_EMULATOR_PORT = 12111;

    /**
     * The Stripe emulator's platform test key: derived from its fixed platform account id, so the stack can hand it to
     * catalog-sync before the emulator runs (StackSettingsTest checks it against the emulator itself).
     */
    static final String EMULATOR_PLATFORM_TEST_KEY =
            "sk_test_51PlatformPaystrmwRDgh6H8ukH583rfoFPCGXeKgSiULl4VX202zZWkhphgoJEUTGxnA78YBU8LhKfG";

    /** Known to everyone on purpose, like {@link #DEV_SECRET}: it only guards a local stack's admin API. */
    static final String DEV_ADMIN_TOKEN = "paystream-local-admin-token";

    static final String MONGO_DATABASE = "paystream";

    static final Set<String> VALUED_FLAGS = Set.of(
            "data-dir",
            "kafka-port",
            "kafka-controller-port",
            "mongo-port",
            "ingest-port",
            "worker-port",
            "catalog-port",
            "emulator-port",
            "secret",
            "tenant",
            "kafka-heap",
            "service-heap",
            "start-timeout",
            "stripe-api-base",
            "stripe-key",
            "public-url");
    static final Set<String> SWITCHES = Set.of("json-logs");

    static StackSettings from(Flags flags, Map<String, String> env) {
        Path home = home(env);
        Path dataDir = flags.value("data-dir", "PAYSTREAM_DATA_DIR", env)
                .map(Path::of)
                .orElse(home.resolve(".local"))
                .toAbsolutePath()
                .normalize();
        return new StackSettings(
                home,
                dataDir,
                flags.port("kafka-port", "PAYSTREAM_KAFKA_PORT", env, DEFAULT_KAFKA_PORT),
                flags.port(
                        "kafka-controller-port", "PAYSTREAM_KAFKA_CONTROLLER_PORT", env, DEFAULT_KAFKA_CONTROLLER_PORT),
                flags.port("mongo-port", "PAYSTREAM_MONGO_PORT", env, DEFAULT_MONGO_PORT),
                flags.port("ingest-port", "PAYSTREAM_INGEST_PORT", env, DEFAULT_INGEST_PORT),
                flags.port("worker-port", "PAYSTREAM_WORKER_PORT", env, DEFAULT_WORKER_PORT),
                flags.port("catalog-port", "PAYSTREAM_CATALOG_PORT", env, DEFAULT_CATALOG_PORT),
                flags.port("emulator-port", "PAYSTREAM_EMULATOR_PORT", env, DEFAULT_EMULATOR_PORT),
                flags.value("secret", "STRIPE_WEBHOOK_SECRET", env)
                        .map(StackSettings::splitSecrets)
                        .orElse(List.of()),
                flags.value("tenant", "PAYSTREAM_DEFAULT_TENANT", env),
                flags.has("json-logs"),
                flags.value("kafka-heap").orElse("512m"),
                flags.value("service-heap").orElse("384m"),
                flags.duration("start-timeout").orElse(Duration.ofSeconds(180)),
                System.getProperty("java.class.path"),
                ExternalStripe.from(flags, env));
    }

    /** {@code PAYSTREAM_HOME} (set by the {@code paystream} script), else the working directory. */
    static Path home(Map<String, String> env) {
        return Path.of(env.getOrDefault("PAYSTREAM_HOME", "")).toAbsolutePath().normalize();
    }

    /** What the ingest's default endpoint accepts: the extra secrets first, then the dev secret (rotation list). */
    String webhookSecrets() {
        List<String> all = new ArrayList<>(extraSecrets);
        if (!all.contains(DEV_SECRET)) {
            all.add(DEV_SECRET);
        }
        return String.join(",", all);
    }

    /** The Stripe API catalog-sync calls: the external one, else the emulator. */
    String stripeApiBase() {
        return externalStripe.map(ExternalStripe::apiBase).orElse("http://127.0.0.1:" + emulatorPort);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort + "/" + MONGO_DATABASE;
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    static List<String> splitSecrets(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
