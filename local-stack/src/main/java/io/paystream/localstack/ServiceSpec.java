package io.paystream.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One service of the stack: its module (also its jar's name), its HTTP port and the environment it is started with.
 *
 * @param required whether the stack refuses to come up without it; an optional service that fails is reported and
 *     left out
 */
record ServiceSpec(String module, int port, boolean required, Map<String, String> env) {

    static final String VERSION = buildVersion();

    /** The services in start order, wired to the stack's broker and Mongo server. */
    static List<ServiceSpec> all(StackSettings settings) {
        Map<String, String> ingest = base(settings, settings.ingestPort());
        ingest.put("STRIPE_WEBHOOK_SECRET", settings.webhookSecrets());
        settings.tenant().ifPresent(tenant -> ingest.put("PAYSTREAM_DEFAULT_TENANT", tenant));

        Map<String, String> worker = base(settings, settings.workerPort());
        worker.put("SPRING_MONGODB_URI", settings.mongoUri());

        Map<String, String> catalog = base(settings, settings.catalogPort());
        catalog.put("SPRING_MONGODB_URI", settings.mongoUri());

        return List.of(
                new ServiceSpec("webhook-ingest", settings.ingestPort(), true, Map.copyOf(ingest)),
                new ServiceSpec("payment-worker", settings.workerPort(), true, Map.copyOf(worker)),
                // a bare application so far: the stack comes up without it if it cannot start
                new ServiceSpec("catalog-sync", settings.catalogPort(), false, Map.copyOf(catalog)));
    }

    Path jar(Path home) {
        return home.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
    }

    String healthUrl() {
        return "http://127.0.0.1:" + port + "/actuator/health";
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
