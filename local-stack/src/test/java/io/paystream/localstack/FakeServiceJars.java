package io.paystream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes runnable jars that start {@link FakeService} from this module's test classes. */
final class FakeServiceJars {

    private FakeServiceJars() {}

    /** A jar where the stack looks for {@code module}'s jar under {@code home}, behaving as {@code mode}. */
    static Path install(Path home, String module, String mode) {
        Path jar = home.resolve(module).resolve("target").resolve(module + "-" + ServiceSpec.VERSION + ".jar");
        return write(jar, mode);
    }

    static Path write(Path jar, String mode) {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        attributes.put(Attributes.Name.CLASS_PATH, testClasses().toUri().toString());
        attributes.putValue(FakeService.MODE_ATTRIBUTE, mode);
        try {
            Files.createDirectories(jar.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                out.flush();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path testClasses() {
        try {
            return Path.of(FakeService.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
