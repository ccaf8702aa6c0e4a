package io.paystream.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * One service of the stack: its module (also its jar's name), its HTTP port and the environment it is started with.
 *
 * @param portOption the {@code up} option that sets {@code port} (without its dashes), named when the port is taken
 * @param required whether the stack refuses to come up without it; an optional service that fails is reported and
 *     left out
 * @param jarClassifier the jar's classifier ({@code exec}), null for the plain jar
 * @param niceness the CPU priority it runs at, as {@code nice -n} takes it: 0 for the default ({@link CpuPriority})
 */
record ServiceSpec(
        String module,
        String portOption,
        int port,
        boolean required,
        Map<String, String> env,
        List<String> args,
        @Nullable String jarClassifier,
        String healthPath,
        int niceness) {

    /** A Spring Boot service: configured by environment, healthy when {@code /actuator/health} says UP. */
    ServiceSpec(String module, String portOption, int port, boolean required, Map<String, String> env) {
        this(module, portOption, port, required, env, List.of(), null, "/actuator/health", 0);
    }

    /** Runs at CPU priority {@code niceness} ({@link CpuPriority}). */
    ServiceSpec withNiceness(int niceness) {
        return new ServiceSpec(module, portOption, port, required, env, args, jarClassifier, healthPath, niceness);
    }

    /** webhook-ingest's: below the pipeline it feeds, see {@link CpuPriority}. */
    static final int INGEST_NICENESS = 10;

    static final String VERSION = buildVersion();
    static final int DEMO_PRODUCTS = 25;

    /** The services in start order, wired to the stack's broker and Mongo server. */
    static List<ServiceSpec> all(StackSettings settings) {
        Map<String, String> ingest = base(settings, settings.ingestPort());
        ingest.put("STRIPE_WEBHOOK_SECRET", settings.webhookSecrets());
        settings.tenant().ifPresent(tenant -> ingest.put("PAYSTREAM_DEFAULT_TENANT", tenant));

        Map<String, String> worker = base(settings, settings.workerPort());
        worker.put("SPRING_MONGODB_URI", settings.mongoUri());

        Map<String, String> catalog = base(settings, settings.catalogPort());
        catalog.put("SPRING_MONGODB_URI", settings.mongoUri());
        catalog.put("STRIPE_API_BASE", settings.stripeApiBase());
        catalog.put(
                "STRIPE_PLATFORM_TEST_KEY",
                settings.externalStripe()
                        .map(ExternalStripe::testKey)
                        .orElse(StackSettings.EMULATOR_PLATFORM_TEST_KEY));
        catalog.put(
                "PAYSTREAM_PUBLIC_BASE_URL",
                settings.externalStripe()
                        .flatMap(ExternalStripe::publicUrl)
                        .orElse("http://127.0.0.1:" + settings.ingestPort()));
        catalog.put("PAYSTREAM_ADMIN_TOKEN", StackSettings.DEV_ADMIN_TOKEN);
        settings.tenant().ifPresent(tenant -> catalog.put("PAYSTREAM_DEFAULT_TENANT", tenant));

        // A demo catalog, and signed webhooks for every change to the ingest's default endpoint, as Stripe would send.
        List<String> emulatorArgs = List.of(
                "--port=" + settings.emulatorPort(),
                "--seed-products=" + DEMO_PRODUCTS,
                "--prices-per-product=2",
                "--webhook-url=http://127.0.0.1:" + settings.ingestPort() + "/webhooks/stripe",
                "--webhook-secret=" + StackSettings.DEV_SECRET);

        ServiceSpec emulator = new ServiceSpec(
                "stripe-emulator",
                "emulator-port",
                settings.emulatorPort(),
                false,
                Map.of(),
                emulatorArgs,
                "exec",
                "/health",
                0);
        List<ServiceSpec> services = new ArrayList<>();
        if (settings.externalStripe().isEmpty()) {
            services.add(emulator); // against Stripe itself there is nothing to emulate
        }
        services.add(new ServiceSpec("webhook-ingest", "ingest-port", settings.ingestPort(), true, Map.copyOf(ingest))
                .withNiceness(INGEST_NICENESS));
        services.add(new ServiceSpec("payment-worker", "worker-port", settings.workerPort(), true, Map.copyOf(worker)));
        // the stack comes up without catalog-sync (and the emulator) if they cannot start
        services.add(
                new ServiceSpec("catalog-sync", "catalog-port", settings.catalogPort(), false, Map.copyOf(catalog)));
        return List.copyOf(services);
    }

    Path jar(Path home) {
        String classifier = jarClassifier == null ? "" : "-" + jarClassifier;
        return home.resolve(module).resolve("target").resolve(module + "-" + VERSION + classifier + ".jar");
    }

    String healthUrl() {
        return "http://127.0.0.1:" + port + healthPath;
    }

    private static Map<String, String> base(StackSettings settings, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", settings.bootstrapServers());
        if (settings.jsonLogs()) {
            env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        }
        return env;
    }

    private static String buildVersion() {
        try (InputStream in = ServiceSpec.class.getResourceAsStream("build.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "0.1.0-SNAPSHOT");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
