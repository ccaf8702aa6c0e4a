package io.paystream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * A module's {@code src/main/resources/application.yml} as far as deployment cares: its server port and the
 * environment variables that can reach it (its {@code ${VAR}} placeholders and the relaxed-binding names of its keys).
 */
final class ApplicationConfig {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");
    private static final Pattern DEFAULT_OF_PLACEHOLDER = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");

    private final Path file;
    private final Map<String, Object> properties;
    private final Set<String> placeholders;

    private ApplicationConfig(Path file, Map<String, Object> properties, Set<String> placeholders) {
        this.file = file;
        this.properties = properties;
        this.placeholders = placeholders;
    }

    /** Fails, naming the file, if the module has no application.yml: nothing could be checked against it. */
    static ApplicationConfig of(Path repo, String module) throws IOException {
        Path file = repo.resolve(module).resolve("src/main/resources/application.yml");
        assertThat(file)
                .as(
                        "%s does not exist, so docker-compose.yml's port and variables for %s cannot be checked"
                                + " against the application's configuration",
                        repo.relativize(file), module)
                .isRegularFile();
        String text = Files.readString(file);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Object document : new Yaml().loadAll(text)) {
            flatten("", document, properties);
        }
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        return new ApplicationConfig(file, properties, placeholders);
    }

    Path file() {
        return file;
    }

    /** {@code server.port}, or the default of its placeholder; 8080 (Spring Boot's default) if unset. */
    int serverPort() {
        Object port = properties.get("server.port");
        if (port == null) {
            return 8080;
        }
        String text = port.toString();
        Matcher placeholder = DEFAULT_OF_PLACEHOLDER.matcher(text);
        return Integer.parseInt(placeholder.matches() ? placeholder.group(1) : text);
    }

    /** Whether the application reads {@code variable}: a placeholder of it, or the env form of one of its keys. */
    boolean reads(String variable) {
        return placeholders.contains(variable) || relaxedNames().contains(variable);
    }

    /** Both forms Spring Boot maps from the environment: dashes dropped, and the legacy dashes-as-underscores. */
    Set<String> relaxedNames() {
        Set<String> names = new TreeSet<>();
        for (String key : properties.keySet()) {
            String base = key.replaceAll("\\[(\\d+)]", ".$1").replace('.', '_').toUpperCase(Locale.ROOT);
            names.add(base.replace("-", ""));
            names.add(base.replace('-', '_'));
        }
        return names;
    }

    List<String> placeholders() {
        return List.copyOf(placeholders);
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, Object> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, into));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
            into.put(prefix, list);
        } else if (!prefix.isEmpty()) {
            into.put(prefix, node);
        }
    }
}
