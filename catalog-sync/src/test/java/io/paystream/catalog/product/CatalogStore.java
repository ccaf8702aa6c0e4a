package io.paystream.catalog.product;

import com.mongodb.client.MongoDatabase;
import io.paystream.catalog.CatalogProperties;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The product feature's MongoDB side built without Spring, for tests of other packages that need a real writer and
 * validation against a server of their own (the scan log of an embedded server, a server stopped mid-test, a
 * measurement) rather than a whole application context.
 */
public final class CatalogStore {

    private CatalogStore() {}

    public static CatalogWriter writer(MongoDatabase database, Clock clock) {
        return new CatalogWriter(database, clock);
    }

    /** With the default {@code paystream.catalog.*} settings. */
    public static SellableValidation validation(MongoDatabase database) {
        return new SellableValidation(database, defaults());
    }

    /** The indexes the service creates at start. */
    public static void createIndexes(MongoDatabase database) {
        new CatalogIndexes(database).afterPropertiesSet();
    }

    public static CatalogProperties defaults() {
        return new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("paystream.catalog", CatalogProperties.class);
    }
}
