package io.paystream.worker.invoice;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.paystream.worker.query.CursorPaging;
import io.paystream.worker.query.IndexedQueries;
import io.paystream.worker.query.ListRequest;
import io.paystream.worker.query.Page;
import io.paystream.worker.query.QueryIndex;
import io.paystream.worker.query.StoredLookup;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Service;

@Service
class InvoiceQueries implements IndexedQueries {

    private static final String INVOICES = InvoiceFields.COLLECTION;

    private final MongoDatabase database;

    InvoiceQueries(MongoDatabase database) {
        this.database = database;
    }

    InvoiceView byId(String id) {
        Document invoice = StoredLookup.byId(collection(), id, "invoice");
        return InvoiceView.of(invoice);
    }

    Page<InvoiceView> list(InvoiceFilter filter, int limit, String cursor) {
        return CursorPaging.page(
                collection(), filter.toBson(), new ListRequest("invoices " + filter, limit, cursor), InvoiceView::of);
    }

    @Override
    public List<QueryIndex> indexes() {
        return List.of(
                QueryIndex.forList(INVOICES, "q_invoices"),
                QueryIndex.forList(INVOICES, "q_invoices_by_subscription", InvoiceFields.SUBSCRIPTION),
                QueryIndex.forList(INVOICES, "q_invoices_by_customer", InvoiceFields.CUSTOMER),
                QueryIndex.forList(INVOICES, "q_invoices_by_status", InvoiceFields.STATUS));
    }

    private MongoCollection<Document> collection() {
        return database.getCollection(INVOICES);
    }
}
