package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A unique index's keys (mongo-java-server's {@link KeyValue}: the normalized values of the index's fields), each
 * value a {@link BsonValues} in {@link KeyOrder}. H2's {@code ObjectDataType} does not know {@code KeyValue}: it
 * Java-serialized both keys on every comparison of every lookup, a third of the server's CPU.
 */
final class H2KeyValueType extends BasicDataType<KeyValue> {

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int length = Math.min(a.size(), b.size());
        for (int i = 0; i < length; i++) {
            int comparison = KeyOrder.INSTANCE.compare(a.get(i), b.get(i));
            if (comparison != 0) {
                return comparison;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 16 + 40;
        for (Object value : key) {
            memory += 4 + HeapSize.of(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            BsonValues.write(buffer, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(BsonValues.read(buffer));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
