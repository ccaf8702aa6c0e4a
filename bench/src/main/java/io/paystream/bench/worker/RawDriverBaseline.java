package io.paystream.bench.worker;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
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

    private static final String DATABASE_PREFIX = "raw_baseline_";

    private RawDriverBaseline() {}

    /** Drops the databases {@link #run} wrote. */
    static void drop(MongoClient client) {
        for (String name : client.listDatabaseNames()) {
            if (name.startsWith(DATABASE_PREFIX)) {
                client.getDatabase(name).drop();
            }
        }
    }

    /** Upserts every record's object one by one; returns events per second. */
    static double run(MongoClient client, List<MixRecord> records, int threads) throws Exception {
        return run(client, records, threads, 1);
    }

    /**
     * Upserts every record's object, {@code batch} at a time per collection as unordered bulk writes (what the worker
     * does per poll); returns events per second.
     */
    static double run(MongoClient client, List<MixRecord> records, int threads, int batch) throws Exception {
        MongoDatabase database = client.getDatabase(DATABASE_PREFIX + batch);
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
                done.add(pool.submit(() -> upsert(database, share, batch)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return records.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void upsert(MongoDatabase database, List<MixRecord> share, int batch) {
        for (int from = 0; from < share.size(); from += batch) {
            List<MixRecord> chunk = share.subList(from, Math.min(share.size(), from + batch));
            if (batch == 1) {
                MixRecord r = chunk.get(0);
                database.getCollection(r.collectionHint())
                        .updateOne(
                                Filters.eq("_id", r.key()),
                                new Document("$set", r.object()),
                                new UpdateOptions().upsert(true));
                continue;
            }
            java.util.Map<String, List<WriteModel<Document>>> byCollection = new java.util.HashMap<>();
            for (MixRecord r : chunk) {
                byCollection
                        .computeIfAbsent(r.collectionHint(), c -> new ArrayList<>())
                        .add(new UpdateOneModel<>(
                                Filters.eq("_id", r.key()),
                                new Document("$set", r.object()),
                                new UpdateOptions().upsert(true)));
            }
            byCollection.forEach((collection, writes) ->
                    database.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(false)));
        }
    }
}
