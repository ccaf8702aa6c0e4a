/**
 * What mongo-java-server (the embedded MongoDB wire server) lacks for a collection of a million documents: ordered,
 * non-unique secondary indexes (it accepts their definition and ignores them), a query planner that uses them and the
 * {@code _id} index when a query has more than one condition (it only uses a unique index whose keys equal the query's
 * keys), and a log of the queries that still read a whole collection, for tests to assert on.
 *
 * <p>{@link io.paystream.testsupport.mongo.indexing.IndexedMemoryBackend} and
 * {@link io.paystream.testsupport.mongo.indexing.IndexedH2Backend} subclass its memory and H2 backends; everything
 * else here is internal. Results never depend on an index: an index only narrows the documents that mongo-java-server's
 * own matcher then filters with the whole query.
 */
@NullMarked
package io.paystream.testsupport.mongo.indexing;

import org.jspecify.annotations.NullMarked;
