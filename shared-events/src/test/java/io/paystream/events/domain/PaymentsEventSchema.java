package io.paystream.events.domain;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.paystream.events.Schemas;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** {@code payments-event.v1.schema.json}, loaded once, and the JSON producers write (Jackson's defaults). */
final class PaymentsEventSchema {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonSchema SCHEMA = load();

    private PaymentsEventSchema() {}

    static Set<ValidationMessage> validate(String json) {
        return SCHEMA.validate(json, InputFormat.JSON);
    }

    static String json(DomainEvent event) {
        return JSON.writeValueAsString(event);
    }

    private static JsonSchema load() {
        try (InputStream in = Schemas.open(Schemas.PAYMENTS_EVENT_V1)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
