package io.paystream.testsupport.mongo.indexing;

/**
 * A query that read every document of a collection because no index could answer it, or more than
 * {@value CollectionScanLog#WIDE_READ} documents through an index that narrowed it too little (its shape then ends with
 * {@code " via an index"}).
 *
 * @param namespace {@code database.collection}
 * @param queryShape the query with every value replaced by {@code "?"} (field names and operators kept), e.g.
 *     {@code {"status": "?", "created": {"$lt": "?"}}}; never a value, which may hold customer data
 * @param documents how many documents the query read
 */
public record CollectionScan(String namespace, String queryShape, long documents) {}
