package io.paystream.worker.customer;

import static io.paystream.worker.apply.Fields.text;
import static io.paystream.worker.apply.Fields.time;

import io.paystream.worker.apply.Projection;
import io.paystream.worker.apply.StoredFields;
import io.paystream.worker.apply.StripeEvent;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Customers: id, email, name, and the tombstone the engine sets on {@code customer.deleted}. No status, so events are
 * ordered by created second and event id only; deletion is terminal.
 */
@Component
public class CustomerProjection implements Projection {

    @Override
    public String objectType() {
        return "customer";
    }

    @Override
    public String collection() {
        return CustomerFields.COLLECTION;
    }

    @Override
    public Document state(StripeEvent event) {
        JsonNode customer = event.object();
        return new Document(CustomerFields.EMAIL, text(customer, "email"))
                .append(CustomerFields.NAME, text(customer, "name"))
                .append(StoredFields.STRIPE_CREATED, time(customer, "created"));
    }
}
