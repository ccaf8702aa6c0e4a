package io.paystream.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A product as Stripe's API version 2026-07-29 renders it. Mutable: guarded by the store's lock. */
final class Product extends Listed {

    private final boolean livemode;
    long updated;
    String name;
    boolean active = true;

    @Nullable
    String description;

    Map<String, String> metadata = new LinkedHashMap<>();

    @Nullable
    String defaultPrice;

    List<String> images = new ArrayList<>();
    List<String> marketingFeatures = new ArrayList<>();

    @Nullable
    Boolean shippable;

    @Nullable
    String statementDescriptor;

    @Nullable
    String taxCode;

    @Nullable
    String unitLabel;

    @Nullable
    String url;

    Product(String id, long sequence, long created, boolean livemode) {
        super(id, sequence, created);
        this.livemode = livemode;
        this.updated = created;
    }

    @Override
    JsonMap render() {
        List<JsonMap> features = new ArrayList<>();
        marketingFeatures.forEach(feature -> features.add(new JsonMap().with("name", feature)));
        return JsonMap.object("product", id)
                .with("active", active)
                .with("created", created)
                .with("default_price", defaultPrice)
                .with("description", description)
                .with("images", List.copyOf(images))
                .with("livemode", livemode)
                .with("marketing_features", features)
                .with("metadata", new LinkedHashMap<>(metadata))
                .with("name", name)
                .with("package_dimensions", null)
                .with("shippable", shippable)
                .with("statement_descriptor", statementDescriptor)
                .with("tax_code", taxCode)
                .with("unit_label", unitLabel)
                .with("updated", updated)
                .with("url", url);
    }

    JsonMap renderDeleted() {
        return JsonMap.object("product", id).with("deleted", true);
    }
}
