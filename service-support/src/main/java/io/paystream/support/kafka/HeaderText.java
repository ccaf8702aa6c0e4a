package io.paystream.support.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/** The one read of a record's header as text, shared by the services' listeners and error handlers. */
public final class HeaderText {

    private HeaderText() {}

    /** The last value of header {@code name}, as UTF-8 text; null when the record has none. */
    public static @Nullable String of(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
