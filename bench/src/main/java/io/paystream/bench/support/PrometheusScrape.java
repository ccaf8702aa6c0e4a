package io.paystream.bench.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** One read of a service's {@code /actuator/prometheus}, as lines. */
public final class PrometheusScrape {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PrometheusScrape() {}

    static List<String> lines(String prometheusUrl, Duration timeout) throws IOException, InterruptedException {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(prometheusUrl))
                                .timeout(timeout)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .lines()
                .toList();
    }

    /** For a harness that cannot go on without the reading. */
    public static List<String> linesOrFail(String prometheusUrl) {
        try {
            return lines(prometheusUrl, Duration.ofSeconds(5));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + prometheusUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + prometheusUrl, e);
        }
    }
}
