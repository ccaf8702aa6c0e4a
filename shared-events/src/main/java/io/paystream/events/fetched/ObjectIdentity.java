package io.paystream.events.fetched;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A Stripe object's {@code object} and {@code id}, read from its top-level fields in one streaming pass: what a
 * fetched object needs to be keyed and typed, without building a tree of the whole object.
 *
 * @param type the {@code object} field, or null when the object has none (then it is not a Stripe object)
 * @param id the {@code id} field, or null for objects without one (the balance)
 */
public record ObjectIdentity(
        @Nullable String type, @Nullable String id) {

    /**
     * Reads the rest of the object whose {@code START_OBJECT} the parser just returned, up to and including its
     * {@code END_OBJECT}, keeping the two fields.
     */
    public static ObjectIdentity read(JsonParser parser) {
        String type = null;
        String id = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_STRING && ("object".equals(name) || "id".equals(name))) {
                if ("object".equals(name)) {
                    type = parser.getString();
                } else {
                    id = parser.getString();
                }
            } else {
                parser.skipChildren();
            }
        }
        return new ObjectIdentity(type, id);
    }
}
