package io.paystream.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.StringJoiner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/** One consumed record as a few readable lines; the value is only previewed, whatever its size. */
final class RecordPreview {

    static final int VALUE_PREVIEW_CHARS = 200;
    private static final int HEADER_VALUE_CHARS = 80;

    private RecordPreview() {}

    static String format(ConsumerRecord<byte[], byte[]> record) {
        StringJoiner headers = new StringJoiner(", ");
        for (Header header : record.headers()) {
            headers.add(header.key() + "=" + shorten(text(header.value()), HEADER_VALUE_CHARS));
        }
        int size = record.value() == null ? 0 : record.value().length;
        return record.topic() + "-" + record.partition() + " @" + record.offset() + "  key=" + text(record.key())
                + "  " + Instant.ofEpochMilli(record.timestamp()) + "\n  headers: "
                + (headers.length() == 0 ? "(none)" : headers.toString()) + "\n  value (" + size + " bytes): "
                + shorten(text(record.value()), VALUE_PREVIEW_CHARS);
    }

    /** Whitespace runs folded to one space, cut to {@code max} characters with an ellipsis. */
    static String shorten(String text, int max) {
        String folded = text.replaceAll("\\s+", " ").strip();
        return folded.length() <= max ? folded : folded.substring(0, max - 1) + "…";
    }

    private static String text(byte @Nullable [] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }
}
