package io.paystream.worker.query.customer;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.customer.CustomerProjection;
import io.paystream.worker.query.ResourceNotFoundException;
import io.paystream.worker.query.StoredValues;
import org.bson.Document;
import org.springframework.stereotype.Service;

@Service
class CustomerQueries {

    private static final String CUSTOMERS = new CustomerProjection().collection();

    private final MongoDatabase database;

    CustomerQueries(MongoDatabase database) {
        this.database = database;
    }

    CustomerView byId(String id) {
        Document customer = database.getCollection(CUSTOMERS)
                .find(eq(StoredFields.ID, id))
                .projection(StoredValues.PUBLIC_FIELDS)
                .first();
        if (customer == null) {
            throw new ResourceNotFoundException("customer", id);
        }
        return CustomerView.of(customer);
    }
}
