package io.paystream.catalog.product;

import static io.paystream.catalog.product.CatalogDocuments.*;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The indexes the sync, the validation pass and the query API read by, created at start (idempotent). {@code _id}
 * already holds the unique key {account, mode, id}.
 */
@Component
class CatalogIndexes implements InitializingBean {

    private final MongoDatabase database;

    CatalogIndexes(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public void afterPropertiesSet() {
        var products = database.getCollection(PRODUCTS);
        // validation pass (sorted walk) and the archive sweep
        products.createIndex(Indexes.ascending(ACCOUNT, LIVEMODE, STRIPE_ID));
        // the query API's usual filters, in _id order for keyset paging
        products.createIndex(Indexes.ascending(LIVEMODE, ARCHIVED, SELLABLE, ID));
        var prices = database.getCollection(PRICES);
        // a product's prices: validation and the query API's embedding
        prices.createIndex(Indexes.ascending(ACCOUNT, LIVEMODE, PRODUCT, STRIPE_ID));
    }
}
