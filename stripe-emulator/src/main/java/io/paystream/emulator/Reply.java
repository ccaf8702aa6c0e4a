package io.paystream.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response ready to write: status, content type, body and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static Reply json(int status, Object body) {
        return new Reply(status, "application/json", Json.bytes(body), Map.of());
    }

    static Reply html(int status, String html) {
        return new Reply(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply redirect(String location) {
        return new Reply(303, "text/plain", new byte[0], Map.of("Location", location));
    }

    Reply withHeader(String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new Reply(status, contentType, body, all);
    }
}
