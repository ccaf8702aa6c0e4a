package io.paystream.worker.customer;

import com.mongodb.client.MongoDatabase;
import io.paystream.worker.query.StoredLookup;
import org.bson.Document;
import org.springframework.stereotype.Service;

@Service
class CustomerQueries {

    private static final String CUSTOMERS = CustomerFields.COLLECTION;

    private final MongoDatabase database;

    CustomerQueries(MongoDatabase database) {
        this.database = database;
    }

    CustomerView byId(String id) {
        Document customer = StoredLookup.byId(database.getCollection(CUSTOMERS), id, "customer");
        return CustomerView.of(customer);
    }
}
