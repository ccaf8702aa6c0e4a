package io.paystream.emulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /v1/webhook_endpoints}: endpoints of the acting account and the key's mode. */
final class WebhookEndpointsApi {

    private static final Set<String> UPDATE = Set.of("description", "disabled", "enabled_events", "metadata", "url");
    private static final Set<String> CREATE =
            Set.of("api_version", "connect", "description", "enabled_events", "metadata", "url");
    private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(\\.[a-z]+)?");

    private final Store store;

    WebhookEndpointsApi(Store store) {
        this.store = store;
    }

    void register(Router router) {
        router.on(
                        "GET",
                        "/v1/webhook_endpoints",
                        Set.of("ending_before", "limit", "starting_after"),
                        (call, path) -> ListPage.of(
                                call.data().endpoints,
                                call.params,
                                endpoint -> true,
                                "/v1/webhook_endpoints",
                                "webhook_endpoint"))
                .on("POST", "/v1/webhook_endpoints", CREATE, (call, path) -> create(call))
                .on("GET", "/v1/webhook_endpoints/{id}", Set.of(), (call, path) -> endpoint(call, path.get(0))
                        .render())
                .on("POST", "/v1/webhook_endpoints/{id}", UPDATE, (call, path) -> update(call, path.get(0)))
                .on("DELETE", "/v1/webhook_endpoints/{id}", Set.of(), (call, path) -> delete(call, path.get(0)));
    }

    private JsonMap create(Call call) {
        Params params = call.params;
        String url = url(params);
        List<String> events = enabledEvents(params);
        String apiVersion = params.string("api_version") == null ? store.apiVersion : params.string("api_version");
        if (!API_VERSION.matcher(apiVersion).matches()) {
            throw ApiError.invalid("Invalid Stripe API version: " + apiVersion, "api_version");
        }
        Boolean connect = params.bool("connect");
        long sequence = store.ids.nextSequence();
        WebhookEndpoint endpoint = new WebhookEndpoint(
                Ids.id("we_", sequence),
                sequence,
                store.now(),
                call.account.id,
                call.livemode(),
                "whsec_" + Ids.random(32),
                apiVersion,
                Boolean.TRUE.equals(connect));
        endpoint.url = url;
        endpoint.enabledEvents = events;
        endpoint.description = params.nullableString("description");
        endpoint.metadata = params.mergeMetadata(endpoint.metadata);
        call.data().endpoints.add(endpoint);
        return endpoint.renderWithSecret();
    }

    private JsonMap update(Call call, String id) {
        WebhookEndpoint endpoint = endpoint(call, id);
        Params params = call.params;
        String url = params.has("url") ? url(params) : endpoint.url;
        List<String> events = params.has("enabled_events") ? enabledEvents(params) : endpoint.enabledEvents;
        Boolean disabled = params.bool("disabled");
        endpoint.url = url;
        endpoint.enabledEvents = events;
        if (disabled != null) {
            endpoint.disabled = disabled;
        }
        if (params.has("description")) {
            endpoint.description = params.nullableString("description");
        }
        endpoint.metadata = params.mergeMetadata(endpoint.metadata);
        return endpoint.render();
    }

    private JsonMap delete(Call call, String id) {
        endpoint(call, id);
        call.data().endpoints.remove(id);
        return JsonMap.object("webhook_endpoint", id).with("deleted", true);
    }

    private static WebhookEndpoint endpoint(Call call, String id) {
        return ApiError.found(call.data().endpoints.get(id), "webhook_endpoint", id);
    }

    /** Any http(s) URL with a host: unlike Stripe, local receivers are fine, since that is what tests use. */
    private static String url(Params params) {
        String url = params.requiredString("url");
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
                throw ApiError.invalid("Invalid URL: " + url + ". URLs must begin with http:// or https://", "url");
            }
        } catch (URISyntaxException e) {
            throw ApiError.invalid("Invalid URL: " + url, "url");
        }
        return url;
    }

    private static List<String> enabledEvents(Params params) {
        List<String> events = params.strings("enabled_events");
        if (events == null || events.isEmpty()) {
            throw ApiError.missingParam("enabled_events");
        }
        for (int i = 0; i < events.size(); i++) {
            if (!EventTypes.KNOWN.contains(events.get(i))) {
                throw ApiError.invalid(
                        "Invalid enabled_events[" + i + "]: must be one of the event types Stripe sends, got '"
                                + events.get(i) + "'",
                        "enabled_events[" + i + "]");
            }
        }
        return List.copyOf(events);
    }
}
