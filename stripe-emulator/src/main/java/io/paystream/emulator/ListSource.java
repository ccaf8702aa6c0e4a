package io.paystream.emulator;

import org.jspecify.annotations.Nullable;

/**
 * Objects in Stripe's list order (created desc, then sequence desc) that {@link ListPage} pages through: a
 * {@link SortedIndex}, or one that also holds seeded objects rendered on demand ({@link PaymentIndex}).
 */
interface ListSource<T extends Listed> {

    /** Objects after the cursor (older), or all when the cursor is null. */
    Iterable<T> after(SortedIndex.@Nullable Position cursor);

    /** Objects before the cursor (newer), nearest first. */
    Iterable<T> before(SortedIndex.Position cursor);

    /** Where an id sits (also a removed one), or null when it never existed here. */
    SortedIndex.@Nullable Position positionOf(String id);
}
