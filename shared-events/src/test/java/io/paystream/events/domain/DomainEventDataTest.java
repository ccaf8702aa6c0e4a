package io.paystream.events.domain;

import static io.paystream.events.domain.PaymentsEventSchema.json;
import static io.paystream.events.domain.PaymentsEventSchema.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.paystream.events.Schemas;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

/** Every type in {@link DomainEventTypes#ALL} has a record, a schema definition, and survives the trip. */
class DomainEventDataTest {

    static final List<String> TYPES = DomainEventTypes.ALL;

    @ParameterizedTest
    @FieldSource("TYPES")
    void aRealisticEventOfEveryTypeMatchesTheSchemaAndReadsBackAsItsRecord(String type) {
        DomainEvent event = DomainEventExamples.of(type);
        String json = json(event);

        assertThat(validate(json)).as(json).isEmpty();
        DomainEvent read = DomainEvents.read(json);
        assertThat(read.typedData())
                .isNotInstanceOf(UnknownEventData.class)
                .isEqualTo(event.typedData())
                .extracting(DomainEventData::type)
                .isEqualTo(type);
        assertThat(read.stripeOrigin()).isEqualTo(event.stripeOrigin());
        assertThat(read).usingRecursiveComparison().ignoringFields("data").isEqualTo(event);
        assertThat(json(rebuilt(read))).isEqualTo(json);
    }

    @Test
    void everyTypeHasExactlyOneRecordAndEveryRecordOneType() throws Exception {
        List<String> recordTypes = new ArrayList<>();
        for (Class<?> record : records(DomainEventData.class)) {
            String type = (String) record.getField("TYPE").get(null);
            recordTypes.add(type);
            assertThat(DomainEvents.recordFor(type)).as(type).isEqualTo(record);
        }

        assertThat(recordTypes).containsExactlyInAnyOrderElementsOf(DomainEventTypes.ALL);
    }

    @Test
    void noStripeChangeRepeatsAnOriginField() {
        for (Class<?> record : records(StripeChange.class)) {
            assertThat(componentNames(record))
                    .as("%s: its fields follow the origin's in data and must not overwrite them", record)
                    .doesNotContain(componentNames(StripeOrigin.class));
        }
    }

    @Test
    void theSchemaNamesEveryTypeAndDefinesEveryRecordsData() throws Exception {
        JsonNode schema;
        try (InputStream in = Schemas.open(Schemas.PAYMENTS_EVENT_V1)) {
            schema = PaymentsEventSchema.JSON.readTree(in);
        }
        Set<String> enumerated = new HashSet<>();
        schema.path("properties").path("type").path("enum").forEach(type -> enumerated.add(type.asString()));

        assertThat(enumerated).containsExactlyInAnyOrderElementsOf(DomainEventTypes.ALL);
        for (Class<?> record : records(DomainEventData.class)) {
            JsonNode definition = schema.path("$defs").path(record.getSimpleName());
            List<String> required = new ArrayList<>();
            definition.path("required").forEach(field -> required.add(field.asString()));
            assertThat(required)
                    .as("%s: every field is always written, null or not", record.getSimpleName())
                    .containsExactly(componentNames(record));
        }
    }

    @Test
    void theRecordsComponentsAreTheJsonFieldsInOrderWithNullsKept() {
        PaymentFailed failed = new PaymentFailed(null, 2500L, 0L, "eur", null, "pi_1", null, "card_declined", null);

        assertThat(failed.toData())
                .containsExactly(
                        entry("status", null),
                        entry("amount", 2500L),
                        entry("amountReceived", 0L),
                        entry("currency", "eur"),
                        entry("customer", null),
                        entry("paymentIntent", "pi_1"),
                        entry("charge", null),
                        entry("failureCode", "card_declined"),
                        entry("failureMessage", null));
    }

    /** What a consumer that re-publishes would build from the typed view: the envelope as the producer built it. */
    static DomainEvent rebuilt(DomainEvent read) {
        DomainEventData data = read.typedData();
        if (data instanceof StripeChange change) {
            return DomainEvent.of(read.stripeOrigin().orElseThrow(), read.time(), change);
        }
        return new DomainEvent(
                read.specversion(),
                read.id(),
                read.source(),
                read.type(),
                read.subject(),
                read.time(),
                read.datacontenttype(),
                read.dataschema(),
                data.toData());
    }

    static List<Class<?>> records(Class<?> sealed) {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isInterface()) {
                records.addAll(records(permitted));
            } else if (permitted != UnknownEventData.class) {
                records.add(permitted);
            }
        }
        return records;
    }

    private static String[] componentNames(Class<?> record) {
        return java.util.Arrays.stream(record.getRecordComponents())
                .map(component -> component.getName())
                .toArray(String[]::new);
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return new java.util.AbstractMap.SimpleEntry<>(key, value);
    }
}
