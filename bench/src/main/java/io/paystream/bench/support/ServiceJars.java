package io.paystream.bench.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build leaves a service's runnable jar; a harness fails fast with the build command when it is missing. */
public final class ServiceJars {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    private ServiceJars() {}

    public static Path of(Path repo, String module) {
        Path jar = repo.resolve(module + "/target/" + module + "-" + VERSION + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: ./mvnw -B -q -DskipTests package (missing " + jar + ")");
        }
        return jar;
    }
}
