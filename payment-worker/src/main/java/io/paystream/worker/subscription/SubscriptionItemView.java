package io.paystream.worker.subscription;

import static io.paystream.worker.query.StoredValues.longValue;

import io.swagger.v3.oas.annotations.media.Schema;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

@Schema(name = "SubscriptionItem", description = "One price on a subscription.")
record SubscriptionItemView(
        @Schema(description = "Subscription item id (si_...).")
        String id,

        @Schema(description = "Price id (price_...).") @Nullable
        String price,

        @Schema(description = "Product id (prod_...).") @Nullable
        String product,

        @Schema(description = "Unit amount of the price, minor units.") @Nullable
        Long unitAmount,

        @Schema(description = "Billing interval: day, week, month or year.") @Nullable
        String interval,

        @Schema(description = "Quantity.") @Nullable Long quantity) {

    static SubscriptionItemView of(Document item) {
        return new SubscriptionItemView(
                item.getString(SubscriptionFields.ITEM_ID),
                item.getString(SubscriptionFields.ITEM_PRICE),
                item.getString(SubscriptionFields.ITEM_PRODUCT),
                longValue(item, SubscriptionFields.ITEM_UNIT_AMOUNT),
                item.getString(SubscriptionFields.ITEM_INTERVAL),
                longValue(item, SubscriptionFields.ITEM_QUANTITY));
    }
}
