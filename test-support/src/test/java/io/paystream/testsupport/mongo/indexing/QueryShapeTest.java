package io.paystream.testsupport.mongo.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryShapeTest {

    @Test
    void keepsOperatorsAndFieldNamesOfNestedQueries() {
        Document query = new Document(
                        "$and",
                        List.of(
                                new Document("_id", "pi_1"),
                                new Document("tags", new Document("$elemMatch", new Document("name", "vip")))))
                .append("status", new Document("$not", new Document("$in", List.of("a", "b"))))
                .append("address", new Document("city", "Berlin"))
                .append("$comment", "secret");

        assertThat(QueryShape.of(query))
                .isEqualTo("{\"$and\": [{\"_id\": \"?\"}, {\"tags\": {\"$elemMatch\": {\"name\": \"?\"}}}], "
                        + "\"status\": {\"$not\": {\"$in\": \"?\"}}, \"address\": \"?\", \"$comment\": \"?\"}");
    }
}
