package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.backend.Missing;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A user collection's {@code _id} keys, and the positions its unique indexes point to: {@link BsonValues}, in
 * {@link KeyOrder}. Instead of H2's {@code ObjectDataType}, which Java-serializes both keys of every comparison for
 * any type it does not know (an {@code ObjectId} {@code _id}).
 */
final class H2KeyType extends BasicDataType<Object> {

    @Override
    public int compare(Object a, Object b) {
        return KeyOrder.INSTANCE.compare(a, b);
    }

    @Override
    public int getMemory(Object key) {
        return HeapSize.of(key);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        BsonValues.write(buffer, key);
    }

    /** Never null: collections and unique indexes store a missing {@code _id} as {@code Missing}. */
    @Override
    public Object read(ByteBuffer buffer) {
        return Missing.ofNullable(BsonValues.read(buffer));
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
