package io.paystream.testsupport.mongo.indexing;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * A user collection's documents, stored as BSON by mongo-java-server's own encoder (what the wire carries, so a
 * document reads back as a client would see it: dates to the millisecond). H2's default {@code ObjectDataType}
 * Java-serializes them: slow both ways, several times larger in the file, and on the heap a deserialized document
 * takes several times its BSON size.
 *
 * <p>Its memory estimate is that of the decoded document ({@link HeapSize}): MVStore bounds its page cache by these
 * estimates, so the cache size stays an honest bound of the server's memory.
 */
final class H2DocumentType extends BasicDataType<Document> {

    @Override
    public int getMemory(Document document) {
        return HeapSize.of(document);
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        BsonValues.writeDocument(buffer, document);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return BsonValues.readDocument(buffer);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
