package io.paystream.bench.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mix's event bodies as templates: realistic Stripe snapshot events (after test-support's lifecycle fixtures and
 * Stripe's API reference) with two tokens, {@value #ID} (unique per event, shared by the objects one checkout or
 * subscription would link: the charge names its payment intent, the invoice its subscription and customer, the price
 * its product) and {@value #CREATED} (epoch seconds, set when the request is sent). The files are pretty-printed for
 * reading; the events are sent compact, about 2.4 KB each.
 */
final class MixTemplates {

    static final String ID = "{{id}}";
    static final String CREATED = "{{created}}";

    /** Stands in for the unquoted {@value #CREATED} while the template is parsed; no template holds it otherwise. */
    private static final String CREATED_STAND_IN = "4102444799";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MixTemplates() {}

    /** The compact template of {@code type}, tokens still in it. */
    static String compact(MixType type) {
        String pretty = read(type.eventType() + ".json");
        if (pretty.contains(CREATED_STAND_IN)) {
            throw new IllegalStateException(type.eventType() + ".json holds " + CREATED_STAND_IN);
        }
        String parsable = pretty.replace(CREATED, CREATED_STAND_IN);
        return JSON.writeValueAsString(JSON.readTree(parsable)).replace(CREATED_STAND_IN, CREATED);
    }

    /** One event as it is sent; the Lua script builds the same string (MixScript). */
    static String render(MixType type, String id, long created) {
        return compact(type).replace(ID, id).replace(CREATED, Long.toString(created));
    }

    /**
     * The template cut at its tokens: literal text, then {@value #ID} or {@value #CREATED}, and so on, so the script
     * joins pieces per request instead of searching the text.
     */
    static List<String> pieces(MixType type) {
        String template = compact(type);
        List<String> pieces = new ArrayList<>();
        int from = 0;
        while (true) {
            int id = template.indexOf(ID, from);
            int created = template.indexOf(CREATED, from);
            int next = id < 0 ? created : created < 0 ? id : Math.min(id, created);
            if (next < 0) {
                pieces.add(template.substring(from));
                return pieces;
            }
            pieces.add(template.substring(from, next));
            String token = next == id ? ID : CREATED;
            pieces.add(token);
            from = next + token.length();
        }
    }

    private static String read(String name) {
        try (InputStream in = MixTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
