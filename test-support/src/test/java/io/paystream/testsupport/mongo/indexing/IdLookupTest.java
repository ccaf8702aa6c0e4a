package io.paystream.testsupport.mongo.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdLookupTest {

    @Test
    void anIdOrAnInListOfStringAndObjectIdsIsAnsweredExactlyByTheIdIndex() {
        assertThat(IdLookup.exact(new Document("_id", "pi_1"))).isTrue();
        assertThat(IdLookup.exact(new Document("_id", new Document("$in", List.of("pi_1", new ObjectId())))))
                .isTrue();
    }

    @Test
    void anythingElseIsCheckedByTheMatcher() {
        assertThat(IdLookup.exact(new Document("_id", 1)))
                .as("1 also matches 1.0")
                .isFalse();
        assertThat(IdLookup.exact(new Document("_id", "pi_1").append("version", 3)))
                .isFalse();
        assertThat(IdLookup.exact(new Document("_id", new Document("$in", List.of("pi_1", 2)))))
                .isFalse();
        assertThat(IdLookup.exact(new Document("_id", new Document("$gt", "pi_1"))))
                .isFalse();
        assertThat(IdLookup.exact(new Document("version", 3))).isFalse();
    }
}
