package io.paystream.localstack;

import io.paystream.events.Topics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;

/** {@code tail [topic]}: prints what arrives on a topic (offset, key, headers, a short value preview). */
final class TailCommand {

    static final Set<String> VALUED_FLAGS = Set.of("max", "bootstrap", "timeout");
    static final Set<String> SWITCHES = Set.of("from-beginning");
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration FOREVER = Duration.ofDays(36_500);
    private static final Duration REACHABLE = Duration.ofSeconds(5);

    private TailCommand() {}

    /** Parsed options; {@code max} and {@code timeout} are unbounded when absent. */
    record Options(String topic, String bootstrap, boolean fromBeginning, long max, Duration timeout) {

        static Options parse(List<String> args, Map<String, String> env) {
            Flags flags = Flags.parse(args, VALUED_FLAGS, SWITCHES);
            if (flags.positionals().size() > 1) {
                throw new UsageException("tail takes at most one topic, got " + flags.positionals());
            }
            String topic = flags.positionals().isEmpty()
                    ? Topics.STRIPE_EVENTS
                    : flags.positionals().get(0);
            String bootstrap = flags.value("bootstrap")
                    .orElseGet(() -> "127.0.0.1:"
                            + flags.port("kafka-port", "PAYSTREAM_KAFKA_PORT", env, StackSettings.DEFAULT_KAFKA_PORT));
            long max = flags.intValue("max", null, env, Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
            Duration timeout = flags.duration("timeout").orElse(FOREVER);
            return new Options(topic, bootstrap, flags.has("from-beginning"), max, timeout);
        }

        boolean bounded() {
            return max != Integer.MAX_VALUE;
        }
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options = Options.parse(args, env);
        out.println("Tailing " + options.topic() + " on " + options.bootstrap()
                + (options.fromBeginning() ? " from the beginning" : " from now on") + " (Ctrl-C to stop)");
        CountDownLatch finished = new CountDownLatch(1);
        try (TopicTail tail = new TopicTail(options.bootstrap(), options.topic(), options.fromBeginning())) {
            Thread stopper = new Thread(() -> stopOnExit(tail, finished), "tail-shutdown");
            Runtime.getRuntime().addShutdownHook(stopper);
            long shown = tail(tail, options, out, err);
            removeHook(stopper);
            return options.bounded() && shown < options.max() ? 1 : 0;
        } finally {
            finished.countDown();
        }
    }

    /** Prints records until {@code max} were shown, the timeout passed, or a wakeup; returns how many were shown. */
    static long tail(TopicTail tail, Options options, PrintStream out, PrintStream err) {
        Instant deadline = Instant.now().plus(options.timeout());
        long shown = 0;
        boolean waitingNoted = false;
        try {
            while (shown < options.max() && Instant.now().isBefore(deadline)) {
                List<ConsumerRecord<byte[], byte[]>> records = tail.poll(POLL);
                if (!tail.assigned() && !waitingNoted) {
                    err.println(
                            tail.reachable(REACHABLE)
                                    ? "Topic " + options.topic() + " does not exist yet; waiting for it ..."
                                    : "Kafka at " + options.bootstrap()
                                            + " does not answer; waiting for it (is the stack up? ./paystream up)");
                    waitingNoted = true;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    out.println(RecordPreview.format(record));
                    out.flush();
                    if (++shown == options.max()) {
                        break;
                    }
                }
            }
        } catch (WakeupException stopped) {
            // Ctrl-C: the shutdown hook woke the consumer up
        }
        return shown;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C arrived: the hook is running and waits for the consumer to close
        }
    }

    private static void stopOnExit(TopicTail tail, CountDownLatch finished) {
        tail.wakeup();
        try {
            finished.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
