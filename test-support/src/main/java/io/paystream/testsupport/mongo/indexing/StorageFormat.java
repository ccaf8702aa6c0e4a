package io.paystream.testsupport.mongo.indexing;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * The version of the H2 file's storage format, kept in the file. Version 2 stores user collections without Java
 * serialization (BSON documents, typed keys); files of mongo-java-server's own format (version 1, no marker) hold
 * Java-serialized maps under the same names, which the new types would read as garbage. Such a file is refused at
 * once: it is a local development store, deleting it is the remedy (no migration is worth its code).
 */
final class StorageFormat {

    static final int VERSION = 2;
    static final String MAP = "paystream.format";

    private static final String KEY = "version";
    private static final String DATA_PREFIX = "databases.";

    private StorageFormat() {}

    /**
     * Marks an empty store with this version; returns a store that holds data of this version; closes and refuses
     * any other.
     */
    static MVStore checked(MVStore store) {
        boolean holdsData = store.getMapNames().stream().anyMatch(name -> name.startsWith(DATA_PREFIX));
        Integer version =
                store.hasMap(MAP) ? store.<String, Integer>openMap(MAP).get(KEY) : null;
        if (holdsData && !Integer.valueOf(VERSION).equals(version)) {
            String file = fileName(store);
            store.closeImmediately();
            throw new IllegalStateException(("The MongoDB store %s was written in storage format %s; this server reads"
                            + " format %d only (BSON documents, no Java serialization). It is a local development"
                            + " store: delete %s and start again.")
                    .formatted(
                            file,
                            version == null ? "1 (mongo-java-server's Java serialization)" : version,
                            VERSION,
                            file));
        }
        MVMap<String, Integer> marker = store.openMap(MAP);
        if (!Integer.valueOf(VERSION).equals(marker.get(KEY))) {
            marker.put(KEY, VERSION);
        }
        return store;
    }

    private static String fileName(MVStore store) {
        @Nullable FileStore<?> file = store.getFileStore();
        return file == null ? "(in memory)" : file.getFileName();
    }
}
