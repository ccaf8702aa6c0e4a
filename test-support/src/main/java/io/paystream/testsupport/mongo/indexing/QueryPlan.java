package io.paystream.testsupport.mongo.indexing;

/**
 * The documents a query has to look at, read lazily so that a limit stops the reading.
 *
 * @param positions a superset of the matches, each once
 * @param ordered the positions come in the query's sort order: the sort is skipped and the limit stops the index walk
 */
record QueryPlan<P>(Iterable<P> positions, boolean ordered) {}
