package io.paystream.worker.query;

import java.util.List;

/** A feature's query service names the indexes its lists rely on; they are created at start-up. */
public interface IndexedQueries {

    List<QueryIndex> indexes();
}
