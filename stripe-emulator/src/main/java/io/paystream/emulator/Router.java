package io.paystream.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Maps method and path templates ({@code /v1/products/{id}}) to handlers, with each endpoint's parameter names. */
final class Router {

    @FunctionalInterface
    interface Handler {
        JsonMap handle(Call call, List<String> pathValues);
    }

    record Route(String method, Pattern pattern, Set<String> params, Handler handler) {}

    record Match(Route route, List<String> pathValues) {}

    private static final Pattern VARIABLE = Pattern.compile("\\{[a-z_]+}");

    private final List<Route> routes = new ArrayList<>();

    /** Parameter names of an endpoint that takes the names of two others. */
    static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new java.util.HashSet<>(first);
        all.addAll(second);
        return Set.copyOf(all);
    }

    Router on(String method, String template, Set<String> params, Handler handler) {
        // templates hold only letters, digits, '/', '_' and {variables}: nothing to quote
        String regex = VARIABLE.matcher(template).replaceAll("([^/]+)");
        routes.add(new Route(method, Pattern.compile(regex), params, handler));
        return this;
    }

    @Nullable
    Match match(String method, String path) {
        for (Route route : routes) {
            Matcher matcher = route.pattern().matcher(path);
            if (route.method().equals(method) && matcher.matches()) {
                List<String> values = new ArrayList<>();
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    values.add(URLDecoder.decode(matcher.group(group), StandardCharsets.UTF_8));
                }
                return new Match(route, values);
            }
        }
        return null;
    }
}
