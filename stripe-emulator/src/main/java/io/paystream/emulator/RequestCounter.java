package io.paystream.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests served per method and path, so tests can assert how many calls a client made. */
final class RequestCounter {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void record(String method, String path) {
        counts.computeIfAbsent(method + " " + path, key -> new LongAdder()).increment();
    }

    long count(String method, String pathPrefix) {
        String prefix = method + " " + pathPrefix;
        return counts.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    void reset() {
        counts.clear();
    }
}
