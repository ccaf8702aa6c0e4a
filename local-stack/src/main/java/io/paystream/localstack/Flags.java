package io.paystream.localstack;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One subcommand's arguments: positionals plus {@code --name value}, {@code --name=value} and {@code --switch}. Only
 * the names a subcommand declares are accepted, so a typo is a usage error instead of a silently ignored option.
 */
final class Flags {

    private final List<String> positionals;
    private final Map<String, String> values;
    private final Set<String> switches;

    private Flags(List<String> positionals, Map<String, String> values, Set<String> switches) {
        this.positionals = positionals;
        this.values = values;
        this.switches = switches;
    }

    static Flags parse(List<String> args, Set<String> valued, Set<String> booleans) {
        List<String> positionals = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        Set<String> switches = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.equals("--")) {
                positionals.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (booleans.contains(name) && eq < 0) {
                switches.add(name);
            } else if (valued.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException("--" + name + " needs a value");
                }
                values.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return new Flags(List.copyOf(positionals), Map.copyOf(values), Set.copyOf(switches));
    }

    List<String> positionals() {
        return positionals;
    }

    boolean has(String name) {
        return switches.contains(name);
    }

    /** The option's value, else the environment variable's, else empty. */
    Optional<String> value(String name, @Nullable String envName, Map<String, String> env) {
        String value = values.get(name);
        if (value == null && envName != null) {
            value = env.get(envName);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    Optional<String> value(String name) {
        return value(name, null, Map.of());
    }

    int port(String name, @Nullable String envName, Map<String, String> env, int defaultPort) {
        return intValue(name, envName, env, defaultPort, 1, 65535);
    }

    int intValue(String name, @Nullable String envName, Map<String, String> env, int defaultValue, int min, int max) {
        Optional<String> raw = value(name, envName, env);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(raw.get().strip());
            if (parsed < min || parsed > max) {
                throw new UsageException(describe(name, envName) + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException(describe(name, envName) + " must be a number, not '" + raw.get() + "'");
        }
    }

    /** A positive duration such as {@code 30s}, {@code 2m} or ISO-8601 {@code PT30S}. */
    Optional<Duration> duration(String name) {
        return value(name).map(raw -> {
            String text = raw.strip().toUpperCase(java.util.Locale.ROOT);
            try {
                Duration parsed = Duration.parse(text.startsWith("P") ? text : "PT" + text);
                if (parsed.isNegative() || parsed.isZero()) {
                    throw new UsageException("--" + name + " must be positive");
                }
                return parsed;
            } catch (DateTimeParseException e) {
                throw new UsageException("--" + name + " must be a duration like 30s or 2m, not '" + raw + "'");
            }
        });
    }

    private static String describe(String name, @Nullable String envName) {
        return envName == null ? "--" + name : "--" + name + " (or " + envName + ")";
    }
}
