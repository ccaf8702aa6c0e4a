package io.paystream.testsupport.mongo.indexing;

/** An index that outlives the server in its file and may have missed writes made without it. */
interface PersistedIndex {

    /** Clears the index when it saw another number of documents than its collection holds, so it gets rebuilt. */
    void discardIfBehind(long collectionDocuments);
}
