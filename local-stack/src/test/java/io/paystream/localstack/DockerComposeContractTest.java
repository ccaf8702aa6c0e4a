package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this checks it against what the applications actually
 * read: ports against each module's {@code server.port}, every environment variable against its application.yml,
 * Prometheus targets against the services and ports.
 */
class DockerComposeContractTest {

    /** Variables every Spring Boot service reads without naming them in application.yml. */
    static final Set<String> STANDARD_VARIABLES = Set.of(
            "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            "SPRING_MONGODB_URI",
            "LOGGING_STRUCTURED_FORMAT_CONSOLE",
            "JAVA_TOOL_OPTIONS");

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private static Map<String, Object> services;

    @BeforeAll
    static void loadCompose() throws IOException {
        Map<String, Object> compose = yaml(REPO.resolve("docker-compose.yml"));
        services = map(compose.get("services"));
    }

    @Test
    void composeRunsTheWholeStack() {
        assertThat(services)
                .containsKeys(
                        "kafka", "mongo", "prometheus", "grafana", "webhook-ingest", "payment-worker", "catalog-sync");
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook-ingest", "payment-worker", "catalog-sync"})
    void theServicesPortIsTheApplicationsServerPort(String module) throws IOException {
        int serverPort = ApplicationConfig.of(REPO, module).serverPort();
        Map<String, Object> service = service(module);

        List<Integer> containerPorts = new ArrayList<>();
        for (Object mapping : list(service.get("ports"))) {
            String text = mapping.toString().replace("/tcp", "");
            containerPorts.add(Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)));
        }
        for (Object exposed : list(service.get("expose"))) {
            containerPorts.add(Integer.parseInt(exposed.toString()));
        }

        assertThat(containerPorts)
                .as("container ports of %s in docker-compose.yml vs server.port in its application.yml", module)
                .containsOnly(serverPort);
        assertThat(String.join(" ", strings(map(service.get("healthcheck")).get("test"))))
                .as("%s's healthcheck", module)
                .contains("localhost:" + serverPort + "/actuator/health");
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook-ingest", "payment-worker", "catalog-sync"})
    void everyEnvironmentVariableIsOneTheApplicationReads(String module) throws IOException {
        ApplicationConfig config = ApplicationConfig.of(REPO, module);
        Map<String, String> environment = environment(service(module));

        assertThat(environment).as("%s's environment", module).isNotEmpty();
        List<String> unread = environment.keySet().stream()
                .filter(variable -> !STANDARD_VARIABLES.contains(variable) && !config.reads(variable))
                .toList();
        assertThat(unread)
                .as(
                        "variables of %s in docker-compose.yml that neither are standard, nor a ${placeholder} in %s,"
                                + " nor the environment form of one of its keys (placeholders there: %s)",
                        module, REPO.relativize(config.file()), config.placeholders())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook-ingest", "payment-worker", "catalog-sync"})
    void eachServiceIsBuiltFromThisRepositoryAndWaitsForItsInfrastructure(String module) throws IOException {
        Map<String, Object> service = service(module);
        Map<String, Object> build = map(service.get("build"));
        Map<String, String> environment = environment(service);

        assertThat(build.get("context")).isEqualTo(".");
        assertThat(map(build.get("args"))).containsEntry("MODULE", module);
        assertThat(REPO.resolve(module).resolve("pom.xml")).isRegularFile();
        assertThat(Files.readString(REPO.resolve("Dockerfile"))).contains("ARG MODULE");
        assertThat(environment).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        Map<String, Object> dependsOn = map(service.get("depends_on"));
        assertThat(map(dependsOn.get("kafka"))).containsEntry("condition", "service_healthy");
        if (environment.containsKey("SPRING_MONGODB_URI")) {
            assertThat(map(dependsOn.get("mongo"))).containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void mongoIsASingleNodeReplicaSetAndEveryMongoUriNamesIt() {
        Map<String, Object> mongo = service("mongo");
        assertThat(String.join(" ", strings(mongo.get("command")))).contains("--replSet rs0");
        assertThat(String.join(" ", strings(map(mongo.get("healthcheck")).get("test"))))
                .contains("rs.initiate")
                .contains("_id: 'rs0'")
                .contains("host: 'mongo:27017'");

        List<String> uris = services.keySet().stream()
                .map(name -> environment(service(name)).get("SPRING_MONGODB_URI"))
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(uris).hasSize(2).allSatisfy(uri -> assertThat(uri)
                .startsWith("mongodb://mongo:27017/")
                .contains("replicaSet=rs0"));
    }

    @Test
    void kafkaRunsInKraftModeAndAdvertisesTheAddressTheServicesUse() {
        Map<String, Object> kafka = service("kafka");
        Map<String, String> environment = environment(kafka);

        assertThat(kafka.get("image").toString()).startsWith("apache/kafka:");
        assertThat(environment.get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
        assertThat(environment).containsKey("CLUSTER_ID").doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat(environment.get("KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://kafka:9092");
        assertThat(environment.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo("1");
    }

    @Test
    void prometheusScrapesEveryServiceAtItsPortAndPath() throws IOException {
        Map<String, Object> prometheus = service("prometheus");
        assertThat(strings(prometheus.get("volumes")))
                .anyMatch(
                        volume -> volume.startsWith("./ops/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml"));

        Map<String, Object> config = yaml(REPO.resolve("ops/prometheus/prometheus.yml"));
        List<String> scraped = new ArrayList<>();
        for (Object job : list(config.get("scrape_configs"))) {
            Map<String, Object> scrape = map(job);
            if ("/actuator/prometheus".equals(scrape.get("metrics_path"))) {
                for (Object staticConfig : list(scrape.get("static_configs"))) {
                    scraped.addAll(strings(map(staticConfig).get("targets")));
                }
            }
        }

        for (String module : List.of("webhook-ingest", "payment-worker", "catalog-sync")) {
            int port = ApplicationConfig.of(REPO, module).serverPort();
            assertThat(scraped)
                    .as("Prometheus targets with metrics_path /actuator/prometheus")
                    .contains(module + ":" + port);
        }
    }

    @Test
    void grafanaIsProvisionedWithThePrometheusDatasource() throws IOException {
        Map<String, Object> datasources = yaml(REPO.resolve("ops/grafana/provisioning/datasources/prometheus.yml"));
        Map<String, Object> datasource =
                map(list(datasources.get("datasources")).get(0));

        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        assertThat(strings(service("grafana").get("volumes")))
                .anyMatch(volume -> volume.startsWith("./ops/grafana/provisioning:/etc/grafana/provisioning"));
        assertThat(strings(service("prometheus").get("ports"))).contains("9090:9090");
    }

    private static Map<String, Object> service(String name) {
        assertThat(services).as("services in docker-compose.yml").containsKey(name);
        return map(services.get(name));
    }

    /** compose accepts both a map and a list of NAME=value. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(k.toString(), v == null ? "" : v.toString()));
        } else {
            for (String entry : strings(environment)) {
                int eq = entry.indexOf('=');
                result.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            }
        }
        return result;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        assertThat(file).isRegularFile();
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }

    private static List<?> list(Object node) {
        return node instanceof List<?> list ? list : List.of();
    }

    private static List<String> strings(Object node) {
        if (node instanceof String text) {
            return List.of(text);
        }
        return list(node).stream().map(Object::toString).toList();
    }
}
