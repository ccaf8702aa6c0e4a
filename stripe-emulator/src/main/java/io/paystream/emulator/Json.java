package io.paystream.emulator;

import tools.jackson.databind.json.JsonMapper;

/** Serialises response bodies; nulls stay in, as Stripe sends them. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static byte[] bytes(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }
}
