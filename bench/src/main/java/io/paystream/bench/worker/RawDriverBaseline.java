package io.paystream.bench.worker;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import io.paystream.bench.worker.LifecycleMix.MixRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;

/**
 * The ceiling the worker is compared with: the same objects upserted straight into the same MongoDB server with the
 * driver, one upsert per event, objects already parsed, no ordering or de-duplication, on as many threads as the worker
 * has partitions. Whatever the worker adds (parsing, reading state, deciding, the outbox) shows as the gap.
 */
final class RawDriverBaseline {

    private RawDriverBaseline() {}

    /** Upserts every record's object; returns events per second. */
    static double run(MongoClient client, List<MixRecord> records, int threads) throws Exception {
        MongoDatabase database = client.getDatabase("raw_baseline");
        List<List<MixRecord>> shares = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            shares.add(new ArrayList<>());
        }
        records.forEach(
                r -> shares.get(Math.floorMod(r.key().hashCode(), threads)).add(r));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<MixRecord> share : shares) {
                done.add(pool.submit(() -> share.forEach(r -> database.getCollection(r.collectionHint())
                        .updateOne(
                                Filters.eq("_id", r.key()),
                                new Document("$set", r.object()),
                                new UpdateOptions().upsert(true)))));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return records.size() / ((System.nanoTime() - start) / 1e9);
    }
}
