package io.paystream.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP front: counts the request, applies injected faults, authenticates the key, applies the mode's rate
 * limit, resolves {@code Stripe-Account}, replays idempotent POSTs and routes. Every response carries a
 * {@code Request-Id}.
 */
final class ApiHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());

    private final Store store;
    private final Router router;
    private final OnboardingPage onboarding;
    private final ControlApi control;
    private final String baseUrl;
    final RequestCounter requests = new RequestCounter();
    final FaultInjector faults = new FaultInjector();
    final TokenBucket testLimit;
    final TokenBucket liveLimit;

    ApiHandler(Store store, Router router, ControlApi control, String baseUrl, int testRateLimit, int liveRateLimit) {
        this.store = store;
        this.router = router;
        this.onboarding = new OnboardingPage(store);
        this.control = control;
        this.baseUrl = baseUrl;
        this.testLimit = new TokenBucket(testRateLimit);
        this.liveLimit = new TokenBucket(liveRateLimit);
    }

    static final String HEALTH_PATH = "/health";

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = Ids.requestId();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        requests.record(method, path);
        Reply reply;
        try {
            if (path.equals(HEALTH_PATH)) {
                // not Stripe's: an unauthenticated readiness probe for the local stack's process supervisor
                reply = Reply.json(200, java.util.Map.of("status", "UP"));
            } else if (path.startsWith(ControlApi.PATH)) {
                reply = control.handle(method, path, exchange.getRequestURI().getRawQuery());
            } else {
                reply = path.startsWith(OnboardingPage.PATH)
                        ? onboarding.handle(method, path)
                        : api(exchange, requestId, method, path);
            }
        } catch (ApiError error) {
            reply = Reply.json(error.status(), error.body());
        } catch (RuntimeException unexpected) {
            LOG.log(Level.ERROR, "Request " + requestId + " " + method + " " + path + " failed", unexpected);
            reply = Reply.json(500, ApiError.internal().body());
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.getResponseHeaders().set("Request-Id", requestId);
            exchange.getResponseHeaders().set("Stripe-Version", store.apiVersion);
            reply.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            if (reply.body().length > 0) {
                exchange.getResponseBody().write(reply.body());
            }
        } finally {
            exchange.close();
        }
    }

    private Reply api(HttpExchange exchange, String requestId, String method, String path) throws IOException {
        int injected = faults.take();
        if (injected != 0) {
            throw ApiError.injected(injected);
        }
        ApiKey key = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!(key.livemode() ? liveLimit : testLimit).tryAcquire()) {
            throw ApiError.rateLimited();
        }
        String body = method.equals("POST") ? read(exchange.getRequestBody()) : "";
        Map<String, Object> values =
                new LinkedHashMap<>(FormDecoder.decode(exchange.getRequestURI().getRawQuery()));
        values.putAll(FormDecoder.decode(body));
        Params params = new Params(values);
        Router.Match match = router.match(method, path);
        if (match == null) {
            throw ApiError.unrecognizedUrl(method, path);
        }
        params.allowOnly(match.route().params());
        String idempotencyKey =
                method.equals("POST") ? exchange.getRequestHeaders().getFirst("Idempotency-Key") : null;
        synchronized (store) {
            Account caller = store.account(key.accountId());
            Account account = actingAccount(exchange.getRequestHeaders().getFirst("Stripe-Account"), caller, key);
            String scope = account.id + (key.livemode() ? "/live" : "/test");
            String fingerprint = method + " " + path + "?" + body;
            if (idempotencyKey != null) {
                IdempotencyStore.Stored stored = store.idempotency.find(scope, idempotencyKey, fingerprint);
                if (stored != null) {
                    return new Reply(stored.status(), "application/json", stored.body(), Map.of())
                            .withHeader("Idempotent-Replayed", "true");
                }
            }
            Call call = new Call(method, path, params, requestId, idempotencyKey, key, caller, account, baseUrl, store);
            Reply reply;
            try {
                reply = Reply.json(200, match.route().handler().handle(call, match.pathValues()));
            } catch (ApiError error) {
                reply = Reply.json(error.status(), error.body());
            }
            if (idempotencyKey != null && reply.status() < 500) {
                store.idempotency.save(
                        scope, idempotencyKey, new IdempotencyStore.Stored(fingerprint, reply.status(), reply.body()));
            }
            return reply;
        }
    }

    private ApiKey authenticate(@Nullable String authorization) {
        String presented = presentedKey(authorization);
        if (presented == null || presented.isBlank()) {
            throw ApiError.unauthorized(
                    null,
                    "You did not provide an API key. You need to provide your API key in the Authorization header,"
                            + " using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See"
                            + " https://stripe.com/docs/api#authentication for details, or we can help at"
                            + " https://support.stripe.com/.");
        }
        ApiKey key = store.key(presented);
        if (key == null) {
            throw ApiError.unauthorized(null, "Invalid API Key provided: " + ApiKey.mask(presented));
        }
        if (store.isRevoked(presented)) {
            throw ApiError.unauthorized("api_key_expired", "Expired API Key provided: " + ApiKey.mask(presented));
        }
        if (key.kind() == ApiKey.Kind.PUBLISHABLE) {
            throw ApiError.unauthorized(
                    "secret_key_required",
                    "This API call cannot be made with a publishable API key. Please use a secret API key. You can find"
                            + " a list of your API keys at https://dashboard.stripe.com/account/apikeys.");
        }
        return key;
    }

    /** Bearer, or HTTP basic with the key as user name: Stripe accepts both. */
    private static @Nullable String presentedKey(@Nullable String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return null;
    }

    private Account actingAccount(@Nullable String stripeAccount, Account caller, ApiKey key) {
        if (stripeAccount == null || stripeAccount.isBlank() || stripeAccount.equals(caller.id)) {
            return caller;
        }
        Account target = store.account(stripeAccount.trim());
        if (target == null || !caller.id.equals(target.parentId)) {
            throw AccountsApi.noAccess(key, stripeAccount.trim());
        }
        return target;
    }

    private static String read(InputStream body) throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
}
