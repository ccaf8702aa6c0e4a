package io.paystream.testsupport.mongo.indexing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The ends of a value's type in the index order, where the type has them: MongoDB's comparison operators match only
 * values of the operand's type, so a range can stop at them. Dates (the outbox sweeper's and the lists' ranges) and
 * strings (whose smallest value is the empty string, with no greatest); numbers are left open, since NaN's place
 * among them differs between comparisons and the index order.
 */
final class TypeBracket {

    private TypeBracket() {}

    static @Nullable Bound start(Object normalized) {
        if (normalized instanceof Instant) {
            return new Bound(Instant.MIN, true);
        }
        if (normalized instanceof String) {
            return new Bound("", true);
        }
        return null;
    }

    static @Nullable Bound end(Object normalized) {
        return normalized instanceof Instant ? new Bound(Instant.MAX, true) : null;
    }
}
