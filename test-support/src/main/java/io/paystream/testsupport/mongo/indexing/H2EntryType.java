package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How an H2 secondary index stores its entries: compared in {@link EntryOrder}, written compactly. H2's
 * {@link ObjectDataType} writes strings, numbers, booleans and null compactly but Java-serializes everything else
 * (about 100 bytes for a date or an object id, and a serialization per comparison); dates and object ids, the usual
 * sort keys and ids, get their own tags.
 */
final class H2EntryType extends BasicDataType<Object[]> {

    private static final byte OTHER = 0;
    private static final byte INSTANT = 1;
    private static final byte OBJECT_ID = 2;
    private static final byte MISSING = 3;

    private final EntryOrder order;
    private final ObjectDataType objects = new ObjectDataType();

    H2EntryType(EntryOrder order) {
        this.order = order;
    }

    @Override
    public int compare(Object[] a, Object[] b) {
        return order.compare(a, b);
    }

    @Override
    public int getMemory(Object[] entry) {
        int memory = 24 + 8 * entry.length;
        for (Object element : entry) {
            memory += element instanceof Instant || element instanceof ObjectId ? 32 : objects.getMemory(element);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, Object[] entry) {
        buffer.putVarInt(entry.length);
        for (Object element : entry) {
            if (element instanceof Instant instant) {
                buffer.put(INSTANT).putLong(instant.getEpochSecond()).putVarInt(instant.getNano());
            } else if (element instanceof ObjectId id) {
                buffer.put(OBJECT_ID).put(id.toByteArray());
            } else if (element instanceof Missing) {
                buffer.put(MISSING);
            } else {
                buffer.put(OTHER);
                objects.write(buffer, element);
            }
        }
    }

    @Override
    public Object[] read(ByteBuffer buffer) {
        Object[] entry = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < entry.length; i++) {
            entry[i] = switch (buffer.get()) {
                case INSTANT -> Instant.ofEpochSecond(buffer.getLong(), DataUtils.readVarInt(buffer));
                case OBJECT_ID -> {
                    byte[] id = new byte[12];
                    buffer.get(id);
                    yield new ObjectId(id);
                }
                case MISSING -> Missing.getInstance();
                default -> objects.read(buffer);
            };
        }
        return entry;
    }

    @Override
    public Object[][] createStorage(int size) {
        return new Object[size][];
    }
}
