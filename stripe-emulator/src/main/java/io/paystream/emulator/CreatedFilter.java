package io.paystream.emulator;

import java.util.Set;
import java.util.function.Predicate;

/** Stripe's {@code created} list filter: an exact timestamp, or any of {@code created[gt|gte|lt|lte]}. */
final class CreatedFilter {

    private CreatedFilter() {}

    static Predicate<Listed> of(Params params) {
        if (!params.has("created")) {
            return item -> true;
        }
        if (!params.isObject("created")) {
            Long exact = params.integer("created");
            return item -> exact == null || item.created() == exact;
        }
        Params range = params.child("created").allowOnly(Set.of("gt", "gte", "lt", "lte"));
        Long gt = range.integer("gt");
        Long gte = range.integer("gte");
        Long lt = range.integer("lt");
        Long lte = range.integer("lte");
        return item -> (gt == null || item.created() > gt)
                && (gte == null || item.created() >= gte)
                && (lt == null || item.created() < lt)
                && (lte == null || item.created() <= lte);
    }
}
