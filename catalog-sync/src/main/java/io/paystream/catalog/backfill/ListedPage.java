package io.paystream.catalog.backfill;

import io.paystream.catalog.stripe.StripeListEnvelope;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One answer of a list endpoint, cut into its objects without re-serialising them ({@link StripeListEnvelope}): each
 * object is the exact text Stripe sent, so what is published is byte for byte what Stripe answered. The cut also
 * reads each object's top-level {@code object} and {@code id}, so that nothing parses an object again.
 *
 * @param items the objects of {@code data}, in Stripe's order (newest first)
 * @param hasMore whether another page follows
 * @param lastId the id of the page's last object: the cursor of the next page, and what a run stores once the page was
 *     handed on; null for an empty page
 * @param fetchedAt when Stripe answered
 */
record ListedPage(
        List<Item> items, boolean hasMore, @Nullable String lastId, Instant fetchedAt) {

    /**
     * One object of a page.
     *
     * @param json its text as Stripe sent it
     * @param type its {@code object} field
     * @param id its {@code id}, null for objects without one (the balance)
     */
    record Item(String json, String type, @Nullable String id) {}

    /** The objects' texts. */
    List<String> objects() {
        return items.stream().map(Item::json).toList();
    }

    /**
     * A single object (the account, the balance): one object, no next page.
     *
     * @throws IllegalStateException when the body is not a Stripe object
     */
    static ListedPage single(String body, Instant fetchedAt) {
        return new ListedPage(List.of(item(StripeListEnvelope.single(body))), false, null, fetchedAt);
    }

    /**
     * @throws IllegalStateException when the body is not Stripe's list envelope
     */
    static ListedPage parse(String body, Instant fetchedAt) {
        StripeListEnvelope<Item> envelope = StripeListEnvelope.cut(body, ListedPage::item);
        List<Item> items = envelope.items();
        boolean hasMore = envelope.hasMore();
        String lastId = items.isEmpty() ? null : items.get(items.size() - 1).id();
        if (hasMore && lastId == null) {
            throw new IllegalStateException("a list page's last object has no id to continue from");
        }
        return new ListedPage(items, hasMore, lastId, fetchedAt);
    }

    private static Item item(StripeListEnvelope.ListedObject object) {
        if (object.type() == null) {
            throw new IllegalStateException("a listed object without an 'object' field");
        }
        return new Item(object.json(), object.type(), object.id());
    }
}
