package io.paystream.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * payment-worker's query API timed from outside, one request at a time, with the store at its full size: the list
 * endpoints must read an index, not the collection, for a page of 20 to stay fast at 1M documents. Lookups and
 * filters use ids the harness sent (each request a different one, so no answer is served from a warm cache line).
 */
final class QueryTimings {

    /**
     * @param failures answers other than 200 (a 404 means a sent object was not stored) or no answer
     * @param firstFailure the first failure's status and path, empty when none failed
     */
    record Timing(
            String query,
            int requests,
            int failures,
            String firstFailure,
            double p50Millis,
            double p99Millis,
            double maxMillis) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QueryTimings() {}

    /**
     * @param paymentIds PaymentIntents the harness sent and saw applied
     * @param customers customers of subscriptions it sent
     */
    static List<Timing> run(String workerUrl, List<String> paymentIds, List<String> customers, int requests) {
        String payments = workerUrl + "/api/payments";
        List<Timing> timings = new ArrayList<>();
        timings.add(time("GET /api/payments?limit=20", requests, i -> payments + "?limit=20"));
        timings.add(
                time("GET /api/payments/{id}", requests, i -> payments + "/" + paymentIds.get(i % paymentIds.size())));
        timings.add(time(
                "GET /api/subscriptions?customer={id}",
                requests,
                i -> workerUrl + "/api/subscriptions?customer=" + customers.get(i % customers.size())));
        timings.add(nextPages(payments, requests));
        return timings;
    }

    /** Walks the payments list page by page (back to the first page at the end), timing each cursor request. */
    private static Timing nextPages(String payments, int requests) {
        String first = payments + "?limit=20";
        @Nullable String cursor = cursorOf(get(first).body());
        Measured measured = new Measured(requests);
        for (int i = 0; i < requests; i++) {
            String url =
                    cursor == null ? first : first + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            Answer answer = measured.get(url);
            cursor = answer.status() == 200 ? cursorOf(answer.body()) : null;
        }
        return measured.timing("GET /api/payments?limit=20&cursor={next}");
    }

    private static Timing time(String query, int requests, IntFunction<String> url) {
        Measured measured = new Measured(requests);
        for (int i = 0; i < requests; i++) {
            measured.get(url.apply(i));
        }
        return measured.timing(query);
    }

    /** One query's requests: their times and failures. */
    private static final class Measured {

        private final double[] millis;
        private int count;
        private int failures;
        private String firstFailure = "";

        Measured(int requests) {
            this.millis = new double[requests];
        }

        Answer get(String url) {
            long start = System.nanoTime();
            Answer answer = QueryTimings.get(url);
            millis[count++] = (System.nanoTime() - start) / 1e6;
            if (answer.status() != 200) {
                failures++;
                if (firstFailure.isEmpty()) {
                    firstFailure = answer.status() + " " + URI.create(url).getPath();
                }
            }
            return answer;
        }

        Timing timing(String query) {
            double[] sorted = Arrays.copyOf(millis, count);
            Arrays.sort(sorted);
            return new Timing(
                    query,
                    count,
                    failures,
                    firstFailure,
                    sorted[(int) Math.ceil(0.50 * count) - 1],
                    sorted[(int) Math.ceil(0.99 * count) - 1],
                    sorted[count - 1]);
        }
    }

    private static @Nullable String cursorOf(String body) {
        try {
            JsonNode next = JSON.readTree(body).path("nextCursor");
            return next.isString() ? next.asString() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private record Answer(int status, String body) {}

    private static Answer get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        }
    }
}
