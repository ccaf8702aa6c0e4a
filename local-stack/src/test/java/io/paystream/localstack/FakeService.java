package io.paystream.localstack;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.jar.JarFile;

/**
 * Stands in for a service jar in tests: a real child process whose behaviour its jar's manifest chooses ("up", "down"
 * or "crash"). It prints the environment it was given to its log so tests can check the wiring.
 */
public final class FakeService {

    /** Manifest attribute with the behaviour, so that it travels with the jar when the stack copies it. */
    static final String MODE_ATTRIBUTE = "Fake-Mode";

    private FakeService() {}

    public static void main(String[] args) throws Exception {
        String mode;
        try (JarFile jar = new JarFile(System.getProperty("java.class.path"))) {
            mode = jar.getManifest().getMainAttributes().getValue(MODE_ATTRIBUTE);
        }
        System.out.println("fake service starting, mode " + mode);
        new TreeMap<>(System.getenv()).forEach((k, v) -> System.out.println("env " + k + "=" + v));
        if (mode.equals("crash")) {
            System.out.println("boom: cannot start");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        boolean up = mode.equals("up");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = ("{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(up ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
