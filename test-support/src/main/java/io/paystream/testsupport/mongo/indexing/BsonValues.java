package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * One value as the H2 backend's keys and index entries store it: a tag byte, then the usual {@code _id} and index
 * types compactly, anything else as BSON. Never Java serialization: H2's {@code ObjectDataType} serializes every type
 * it does not know (mongo-java-server's {@code KeyValue}, {@code ObjectId}, {@code Instant}, documents), which made
 * the server spend half its CPU in {@code ObjectOutputStream}, even to compare two keys.
 *
 * <p>Instants keep their nanoseconds (a key must read back equal to the one written); {@link Missing} has its own
 * tag, as BSON cannot hold it.
 */
final class BsonValues {

    private static final byte NULL = 0;
    private static final byte MISSING = 1;
    private static final byte STRING = 2;
    private static final byte INT = 3;
    private static final byte LONG = 4;
    private static final byte DOUBLE = 5;
    private static final byte FALSE = 6;
    private static final byte TRUE = 7;
    private static final byte INSTANT = 8;
    private static final byte OBJECT_ID = 9;
    private static final byte BSON = 10;

    private static final int OBJECT_ID_LENGTH = 12;

    private BsonValues() {}

    static void write(WriteBuffer buffer, @Nullable Object value) {
        if (value == null) {
            buffer.put(NULL);
        } else if (value instanceof Missing) {
            buffer.put(MISSING);
        } else if (value instanceof String string) {
            buffer.put(STRING).putVarInt(string.length()).putStringData(string, string.length());
        } else if (value instanceof Integer number) {
            buffer.put(INT).putVarInt(number);
        } else if (value instanceof Long number) {
            buffer.put(LONG).putLong(number);
        } else if (value instanceof Double number) {
            buffer.put(DOUBLE).putDouble(number);
        } else if (value instanceof Boolean flag) {
            buffer.put(flag ? TRUE : FALSE);
        } else if (value instanceof Instant instant) {
            buffer.put(INSTANT).putLong(instant.getEpochSecond()).putVarInt(instant.getNano());
        } else if (value instanceof ObjectId id) {
            buffer.put(OBJECT_ID).put(id.toByteArray());
        } else {
            buffer.put(BSON);
            writeDocument(buffer, new Document("", value));
        }
    }

    static @Nullable Object read(ByteBuffer buffer) {
        byte tag = buffer.get();
        return switch (tag) {
            case NULL -> null;
            case MISSING -> Missing.getInstance();
            case STRING -> DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
            case INT -> DataUtils.readVarInt(buffer);
            case LONG -> buffer.getLong();
            case DOUBLE -> buffer.getDouble();
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case INSTANT -> Instant.ofEpochSecond(buffer.getLong(), DataUtils.readVarInt(buffer));
            case OBJECT_ID -> {
                byte[] id = new byte[OBJECT_ID_LENGTH];
                buffer.get(id);
                yield new ObjectId(id);
            }
            case BSON -> readDocument(buffer).get("");
            default -> throw new IllegalStateException("unknown value tag " + tag + ": not a Paystream H2 file");
        };
    }

    /**
     * A document as BSON (mongo-java-server's own encoder, as on the wire) after its length as a varint. Encoded into
     * a pooled buffer first: BSON writes its length before its fields, and H2's buffer cannot be wrapped.
     */
    static void writeDocument(WriteBuffer buffer, Document document) {
        ByteBuf bson = PooledByteBufAllocator.DEFAULT.heapBuffer(1024);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buffer.putVarInt(length).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        } finally {
            bson.release();
        }
    }

    /** Decodes in place when the page is on the heap, as H2 reads it. */
    static Document readDocument(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        ByteBuf bson;
        if (buffer.hasArray()) {
            bson = Unpooled.wrappedBuffer(buffer.array(), buffer.arrayOffset() + buffer.position(), length);
            buffer.position(buffer.position() + length);
        } else {
            byte[] bytes = new byte[length];
            buffer.get(bytes);
            bson = Unpooled.wrappedBuffer(bytes);
        }
        return BsonDecoder.decodeBson(bson);
    }

    /** The BSON bytes of {@code {"": value}}: an order among values Mongo's comparison holds equal. */
    static byte[] bytes(@Nullable Object value) {
        ByteBuf bson = Unpooled.buffer(64);
        BsonEncoder.encodeDocument(new Document("", value), bson);
        byte[] bytes = new byte[bson.readableBytes()];
        bson.readBytes(bytes);
        return bytes;
    }
}
