package io.paystream.testsupport.mongo.indexing;

import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How an H2 secondary index stores its entries: compared in {@link EntryOrder}, each element a {@link BsonValues}
 * (H2's {@code ObjectDataType} Java-serializes what it does not know: about 100 bytes for a date or an object id, and
 * a serialization per comparison).
 */
final class H2EntryType extends BasicDataType<Object[]> {

    private final EntryOrder order;

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
            memory += HeapSize.of(element);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, Object[] entry) {
        buffer.putVarInt(entry.length);
        for (Object element : entry) {
            BsonValues.write(buffer, element);
        }
    }

    @Override
    public Object[] read(ByteBuffer buffer) {
        Object[] entry = new Object[DataUtils.readVarInt(buffer)];
        for (int i = 0; i < entry.length; i++) {
            entry[i] = BsonValues.read(buffer);
        }
        return entry;
    }

    @Override
    public Object[][] createStorage(int size) {
        return new Object[size][];
    }
}
