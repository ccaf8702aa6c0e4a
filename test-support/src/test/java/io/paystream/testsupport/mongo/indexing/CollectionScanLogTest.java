package io.paystream.testsupport.mongo.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CollectionScanLogTest {

    private final CollectionScanLog scans = new CollectionScanLog();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CollectionScanLog.class);
    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();

    @BeforeEach
    void listen() {
        warnings.start();
        logger.addAppender(warnings);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(warnings);
    }

    @Test
    void recordsTheQueryShapeWithoutItsValues() {
        scans.record(
                "db.payments",
                new Document("customer", "cus_secret")
                        .append("amount", new Document("$gte", 4200).append("$lt", 9000))
                        .append("$or", List.of(new Document("email", "jane@example.com"), new Document("x", null))),
                12);

        assertThat(scans.scans())
                .containsExactly(new CollectionScan(
                        "db.payments",
                        "{\"customer\": \"?\", \"amount\": {\"$gte\": \"?\", \"$lt\": \"?\"}, "
                                + "\"$or\": [{\"email\": \"?\"}, {\"x\": \"?\"}]}",
                        12));
    }

    @Test
    void keepsTheMostRecentScansOldestFirst() {
        for (int i = 0; i < CollectionScanLog.CAPACITY + 5; i++) {
            scans.record("db.c" + i, new Document(), 1);
        }

        List<CollectionScan> kept = scans.scans();
        assertThat(kept).hasSize(CollectionScanLog.CAPACITY);
        assertThat(kept.get(0).namespace()).isEqualTo("db.c5");
        scans.clear();
        assertThat(scans.scans()).isEmpty();
    }

    @Test
    void warnsOncePerShapeAboutAScanOfManyDocuments() {
        long many = CollectionScanLog.WARN_ABOVE + 1;
        scans.record("db.prices", new Document("product", "prod_1"), many);
        scans.record("db.prices", new Document("product", "prod_2"), many);
        scans.record("db.prices", new Document("active", true), many);
        scans.record("db.prices", new Document("currency", "eur"), CollectionScanLog.WARN_ABOVE);

        assertThat(warnings.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "db.prices read 10001 documents for a query of shape {\"product\": \"?\"}: no index answers it well",
                        "db.prices read 10001 documents for a query of shape {\"active\": \"?\"}: no index answers it well");
    }
}
