package io.paystream.bench.worker;

import com.mongodb.client.MongoCollection;
import io.paystream.bench.support.LoadResult;
import io.paystream.bench.support.LoadTools;
import io.paystream.bench.support.PrometheusHistogram;
import io.paystream.bench.support.PrometheusScrape;
import io.paystream.bench.support.SignedEvents;
import io.paystream.bench.support.SignedEvents.SignedEvent;
import io.paystream.bench.support.WrkScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * End-to-end latency: signed events sent to webhook-ingest at a fixed rate by a paced wrk script (each event once), and
 * the delay from the ingest receiving each one to its state being written, as the worker itself records it
 * ({@code paystream_worker_pipeline_latency_seconds}). That delay starts before the ingest's 200 and ends when the
 * document is readable, so it bounds "200 to visible" from above.
 *
 * <p>The first version sent from the harness JVM with the JDK HttpClient and polled MongoDB for each acknowledged id.
 * Profiled, that harness used more CPU than the worker it measured (58% of a core against 34%), so on two shared cores
 * it measured its own contention; its client also failed thousands of requests on its own. wrk is native code and
 * the worker's histogram costs nothing to read.
 */
final class EndToEndLatency {

    /**
     * @param load what wrk saw (sent, 200s, the rate they came at, the ingest's answer latency)
     * @param visible new payment documents after the phase (each event creates one; equal to the 200s when nothing is lost)
     * @param p50Millis the worker's median receipt-to-written (bucket upper bound)
     * @param p99Millis its 99th percentile (bucket upper bound)
     * @param within200Millis the share of the phase's events written within 200 ms of receipt (exact: the histogram has
     *     a bucket there)
     * @param outcomes the worker's count of this phase's event type by outcome (applied, duplicate, ...)
     */
    record Result(
            LoadResult load,
            long visible,
            double p50Millis,
            double p99Millis,
            double within200Millis,
            Map<String, Long> outcomes) {}

    private static final String PIPELINE_LATENCY = "paystream_worker_pipeline_latency_seconds";
    private static final Pattern EVENTS = Pattern.compile(
            "^paystream_worker_events_total\\{(?=[^}]*type=\"payment_intent\\.succeeded\")[^}]*outcome=\"([a-z_]+)\"");

    /** Keep-alive connections for the paced sends: at 1,000/s, each has 16 ms per request before its next is due. */
    private static final int CONNECTIONS = 16;

    private EndToEndLatency() {}

    static Result run(
            String name,
            String secret,
            String ingestBaseUrl,
            String workerPrometheus,
            MongoCollection<Document> payments,
            int ratePerSecond,
            int seconds,
            Path work) {
        // a quarter more events than the phase needs, so no wrk thread (each on its own residue class) wraps around
        // and every event is sent at most once
        List<SignedEvent> events = SignedEvents.generate(name, ratePerSecond * seconds * 5 / 4, 2048, secret);
        Path script = WrkScript.writePaced(work.resolve(name), "/webhooks/stripe", events, ratePerSecond);
        long before = payments.estimatedDocumentCount();
        Map<String, Long> outcomesBefore = outcomes(workerPrometheus);
        PrometheusHistogram latencyBefore = PrometheusHistogram.read(workerPrometheus, PIPELINE_LATENCY);
        LoadResult load = LoadTools.wrk(name, ingestBaseUrl, script, CONNECTIONS, seconds);
        long visible = awaitVisible(payments, before + load.ok(), Duration.ofSeconds(60)) - before;
        PrometheusHistogram latency = PrometheusHistogram.read(workerPrometheus, PIPELINE_LATENCY);
        Map<String, Long> outcomes = new TreeMap<>(outcomes(workerPrometheus));
        outcomesBefore.forEach((outcome, count) -> outcomes.merge(outcome, -count, Long::sum));
        outcomes.values().removeIf(count -> count == 0);
        return new Result(
                load,
                visible,
                latency.quantileMillisSince(latencyBefore, 0.50),
                latency.quantileMillisSince(latencyBefore, 0.99),
                latency.shareWithinSince(latencyBefore, 200),
                outcomes);
    }

    /** {@code paystream_worker_events_total} for the bench's event type, by outcome. */
    private static Map<String, Long> outcomes(String workerPrometheus) {
        Map<String, Long> byOutcome = new TreeMap<>();
        for (String line : PrometheusScrape.linesOrFail(workerPrometheus)) {
            Matcher m = EVENTS.matcher(line);
            if (m.find()) {
                byOutcome.merge(
                        m.group(1), (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Long::sum);
            }
        }
        return byOutcome;
    }

    /** Polls the count every 100 ms until {@code expected} documents exist or the timeout passes; returns the count. */
    private static long awaitVisible(MongoCollection<Document> payments, long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = payments.estimatedDocumentCount();
        while (count < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            count = payments.estimatedDocumentCount();
        }
        return count;
    }
}
