package io.paystream.testsupport.mongo.indexing;

import org.jspecify.annotations.Nullable;

/**
 * One end of a range on an index key, in value order (not index order). The value is normalized; null only where a
 * branch of an {@code $or} asks for null (the lowest value an entry can hold).
 */
record Bound(@Nullable Object value, boolean inclusive) {}
