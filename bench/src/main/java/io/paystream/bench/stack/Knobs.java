package io.paystream.bench.stack;

/**
 * The harness's settings, each a {@code -Dbench.*} system property; the defaults are issue 11's run. Durations are
 * whole seconds, rates events per second.
 *
 * @param connections wrk's connections in the closed loop (the peer comparison used 48)
 * @param pacedConnections wrk's connections in paced windows: a connection has one request in flight, so a paced
 *     wrk can offer at most this many divided by the response time (48 connections cap 4,600/s at 10.4 ms, less than
 *     the ingest takes on two busy cores while it waits for Kafka's acknowledgement)
 * @param threads wrk's threads, a multiple of the mix's six types: thread t sends type t % 6 only (see MixScript)
 * @param warmUpRate paced rate of the warm-up, a load every part of the stack handles
 * @param warmUpSeconds long enough for the JIT: in the first four minutes of load the six JVMs' C2 compilers used
 *     about 115 s of CPU, and a search started after 30 s found half the rate it finds after 180 s
 * @param searchStart the first rate the search tries; doubled while it holds, then bisected
 * @param searchPrecision the search stops when the gap between holding and failing is this share of the failing rate
 * @param searchMinRate the search gives up below this rate
 * @param drainSeconds after a paced window: how long the stack may take to apply every event answered 200
 * @param settleSeconds before a measured window: how long the previous window's backlog may take to drain
 * @param p99LimitMillis a rate holds only while the pipeline lag's p99 stays under this
 * @param closedDrainSeconds after the closed-loop window: how long the stack may take to apply what it answered
 * @param growthDocuments the growth phase sends until MongoDB holds this many documents
 * @param growthReportEvery a growth table row about every this many documents
 * @param growthClosedLoop the growth phase sends as fast as wrk goes instead of paced at the found rate
 * @param growthChunkSeconds the growth phase sends in wrk runs of this length, counting documents between them
 * @param growthMaxMinutes the growth phase stops after this long even when the store is smaller
 * @param sustainSeconds the paced run at the found rate once the store holds {@code growthDocuments}
 * @param finalDrainSeconds at the end: how long the stack may take to apply every event answered 200 in the whole run
 * @param sampleSeconds backlog, RSS and heap are sampled this often during a window
 */
record Knobs(
        int connections,
        int pacedConnections,
        int threads,
        int smokeRate,
        int smokeSeconds,
        int warmUpRate,
        int warmUpSeconds,
        int searchStart,
        int searchSeconds,
        int searchMaxTrials,
        double searchPrecision,
        int searchMinRate,
        int drainSeconds,
        int settleSeconds,
        long p99LimitMillis,
        int confirmSeconds,
        int closedSeconds,
        int closedDrainSeconds,
        long growthDocuments,
        long growthReportEvery,
        boolean growthClosedLoop,
        int growthChunkSeconds,
        int growthMaxMinutes,
        int sustainSeconds,
        int queryRequests,
        int finalDrainSeconds,
        int startTimeoutSeconds,
        int sampleSeconds) {

    static Knobs fromSystemProperties() {
        Knobs knobs = new Knobs(
                Integer.getInteger("bench.connections", 48),
                Integer.getInteger("bench.paced.connections", 96),
                Integer.getInteger("bench.threads", 6),
                Integer.getInteger("bench.smoke.rate", 300),
                Integer.getInteger("bench.smoke.seconds", 5),
                Integer.getInteger("bench.warmup.rate", 1000),
                Integer.getInteger("bench.warmup.seconds", 180),
                Integer.getInteger("bench.search.start", 2000),
                Integer.getInteger("bench.search.seconds", 60),
                Integer.getInteger("bench.search.maxTrials", 12),
                Double.parseDouble(System.getProperty("bench.search.precision", "0.05")),
                Integer.getInteger("bench.search.min", 50),
                Integer.getInteger("bench.drain.seconds", 60),
                Integer.getInteger("bench.settle.seconds", 300),
                Long.getLong("bench.lag.p99Millis", 2000),
                Integer.getInteger("bench.confirm.seconds", 300),
                Integer.getInteger("bench.closed.seconds", 60),
                Integer.getInteger("bench.closed.drainSeconds", 600),
                Long.getLong("bench.growth.documents", 1_000_000),
                Long.getLong("bench.growth.reportEvery", 100_000),
                Boolean.getBoolean("bench.growth.closedLoop"),
                Integer.getInteger("bench.growth.chunkSeconds", 20),
                Integer.getInteger("bench.growth.maxMinutes", 120),
                Integer.getInteger("bench.sustain.seconds", 60),
                Integer.getInteger("bench.query.requests", 200),
                Integer.getInteger("bench.final.drainSeconds", 900),
                Integer.getInteger("bench.start.timeoutSeconds", 300),
                Integer.getInteger("bench.sample.seconds", 5));
        if (knobs.threads % MixType.values().length != 0
                || Math.min(knobs.connections, knobs.pacedConnections) < knobs.threads) {
            throw new IllegalArgumentException("bench.threads must be a multiple of " + MixType.values().length
                    + " and at most bench.connections and bench.paced.connections");
        }
        return knobs;
    }

    /** The report's record of the settings, one line. */
    String describe() {
        return ("wrk %d connections (%d when paced), %d threads; warm-up %d s at %,d/s; search from %,d/s, %d s a trial, %.0f%%"
                        + " precision, p99 < %,d ms; drain %d s, settle %d s; confirm %d s; closed loop %d s;"
                        + " growth to %,d documents (%s); sustain %d s; %d queries each")
                .formatted(
                        connections,
                        pacedConnections,
                        threads,
                        warmUpSeconds,
                        warmUpRate,
                        searchStart,
                        searchSeconds,
                        100 * searchPrecision,
                        p99LimitMillis,
                        drainSeconds,
                        settleSeconds,
                        confirmSeconds,
                        closedSeconds,
                        growthDocuments,
                        growthClosedLoop ? "closed loop" : "paced at the found rate",
                        sustainSeconds,
                        queryRequests);
    }
}
