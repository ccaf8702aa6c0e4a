package io.paystream.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sync [account]}: asks catalog-sync for a backfill of an account ({@code POST /api/backfill}) and follows the
 * run until it ends, printing each type's progress every {@code --every}. Without an account: the platform.
 */
final class SyncCommand {

    static final Set<String> VALUED_FLAGS = Set.of("livemode", "types", "every");
    static final Set<String> SWITCHES = Set.of("no-wait");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ENDED = Set.of("succeeded", "partial", "failed", "abandoned", "skipped");

    private SyncCommand() {}

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Flags flags = Flags.parse(args, VALUED_FLAGS, SWITCHES);
        if (flags.positionals().size() > 1) {
            throw new UsageException("sync takes at most one account (platform or acct_...)", false);
        }
        String account =
                flags.positionals().isEmpty() ? "platform" : flags.positionals().get(0);
        StringBuilder query = new StringBuilder("account=").append(encode(account));
        flags.value("livemode").ifPresent(mode -> {
            if (!mode.equals("true") && !mode.equals("false")) {
                throw new UsageException("--livemode is true or false", false);
            }
            query.append("&livemode=").append(mode);
        });
        flags.value("types").ifPresent(types -> query.append("&types=").append(encode(types)));
        Duration every = flags.duration("every").orElse(Duration.ofSeconds(2));
        String catalog = "http://127.0.0.1:"
                + flags.port("catalog-port", "PAYSTREAM_CATALOG_PORT", env, StackSettings.DEFAULT_CATALOG_PORT);
        String token = env.getOrDefault("PAYSTREAM_ADMIN_TOKEN", StackSettings.DEV_ADMIN_TOKEN);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> started = http.send(
                    request(catalog + "/api/backfill?" + query, token)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                err.println("catalog-sync answered " + started.statusCode() + ": " + started.body());
                return LocalStack.FAILED;
            }
            JsonNode run = JSON.readTree(started.body());
            String runId = run.path("runId").asString("");
            out.println("backfill " + runId + " of " + account + " started; follow it at " + catalog + "/api/backfill/"
                    + runId);
            if (flags.has("no-wait")) {
                return LocalStack.OK;
            }
            return follow(http, catalog + "/api/backfill/" + runId, token, every, out);
        } catch (ConnectException e) {
            err.println("Cannot reach catalog-sync at " + catalog + ": is the stack up? Start it with ./paystream up");
            return LocalStack.FAILED;
        } catch (IOException e) {
            err.println("Asking catalog-sync failed: " + e);
            return LocalStack.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return LocalStack.FAILED;
        }
    }

    private static int follow(HttpClient http, String url, String token, Duration every, PrintStream out)
            throws IOException, InterruptedException {
        while (true) {
            Thread.sleep(every.toMillis()); // a command-line poll, not a test: the user watches it
            HttpResponse<String> answer =
                    http.send(request(url, token).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode run = JSON.readTree(answer.body());
            String status = run.path("status").asString("unknown");
            out.println(status + "  " + progress(run));
            if (ENDED.contains(status)) {
                return status.equals("succeeded") ? LocalStack.OK : LocalStack.FAILED;
            }
        }
    }

    /** One line: each type's objects, from whatever shape of counts the run view has. */
    static String progress(JsonNode run) {
        StringBuilder line = new StringBuilder();
        for (JsonNode target : run.path("targets")) {
            line.append(target.path("account").asString(""))
                    .append(target.path("livemode").asBoolean(false) ? "/live" : "/test")
                    .append(':');
            for (JsonNode type : target.path("types")) {
                line.append(' ')
                        .append(type.path("type").asString("?"))
                        .append('=')
                        .append(type.path("objects").asLong(0))
                        .append('(')
                        .append(type.path("status").asString("?"))
                        .append(')');
            }
            line.append("  ");
        }
        return line.toString().strip();
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
