package io.paystream.worker.query;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import io.paystream.support.problem.ProblemException;
import io.paystream.worker.apply.StoredFields;
import java.util.Locale;
import org.bson.Document;

/** Reads one stored aggregate for a by-id endpoint: its public fields, or a 404. */
public final class StoredLookup {

    private StoredLookup() {}

    /** The document with this {@code _id}; otherwise 404 "no {@code resource} {@code id}". */
    public static Document byId(MongoCollection<Document> collection, String id, String resource) {
        return byId(collection, id, resource, id);
    }

    /** As {@link #byId(MongoCollection, String, String)}, naming the missing object {@code shownId} in the 404. */
    public static Document byId(MongoCollection<Document> collection, String id, String resource, String shownId) {
        Document found = collection
                .find(eq(StoredFields.ID, id))
                .projection(StoredValues.PUBLIC_FIELDS)
                .first();
        if (found == null) {
            throw ProblemException.notFound(
                    resource.substring(0, 1).toUpperCase(Locale.ROOT) + resource.substring(1) + " not found",
                    "no " + resource + " " + shownId);
        }
        return found;
    }
}
