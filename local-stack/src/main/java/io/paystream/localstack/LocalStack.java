package io.paystream.localstack;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code ./paystream} launcher: {@code up}, {@code send}, {@code tail}, {@code help}. Exit codes: 0 done, 1 failed,
 * 2 the command line was not understood.
 */
public final class LocalStack {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: ./paystream <command> [options]

            Commands:
              up      Start Kafka, MongoDB and the built services locally (no Docker, no internet); Ctrl-C stops them.
                        --data-dir DIR            data and logs, kept between runs (default .local; PAYSTREAM_DATA_DIR)
                        --kafka-port N            default 9092 (PAYSTREAM_KAFKA_PORT)
                        --kafka-controller-port N default 9093 (PAYSTREAM_KAFKA_CONTROLLER_PORT)
                        --mongo-port N            default 27017 (PAYSTREAM_MONGO_PORT)
                        --ingest-port N           webhook-ingest, default 8080 (PAYSTREAM_INGEST_PORT)
                        --worker-port N           payment-worker, default 8081 (PAYSTREAM_WORKER_PORT)
                        --catalog-port N          catalog-sync, default 8082 (PAYSTREAM_CATALOG_PORT)
                        --secret WHSEC[,WHSEC]    extra signing secrets, e.g. from stripe listen (STRIPE_WEBHOOK_SECRET);
                                                  the local dev secret whsec_paystream_local_dev_secret always works
                        --tenant NAME             the default endpoint's tenant (PAYSTREAM_DEFAULT_TENANT)
                        --json-logs               services log JSON (ECS) instead of text
                        --kafka-heap SIZE         default 512m;  --service-heap SIZE  default 384m
                        --start-timeout DURATION  per service, default 180s
              send <event-type|lifecycle>
                      Sign fixture events and POST them to the ingest, like `stripe trigger`. Fresh ids on every run.
                        --count N                 repeat N times (default 1)
                        --url URL                 default http://127.0.0.1:8080/webhooks/stripe
                        --secret WHSEC            default the local dev secret
                      Without an argument it lists the lifecycles and event types it knows.
              tail [topic]
                      Print what arrives on a topic (default stripe.events): offset, key, headers, a value preview.
                        --from-beginning          start at the oldest record instead of now
                        --max N                   stop after N records (exit 1 if fewer arrived before --timeout)
                        --timeout DURATION        stop after this long, e.g. 30s
                        --bootstrap HOST:PORT     default 127.0.0.1:9092 (PAYSTREAM_KAFKA_PORT)
              help    This text.

            The ./paystream script builds what is missing first; pass --rebuild to build again after changing code.
            """;

    private LocalStack() {}

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), System.getenv(), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (command) {
                case "up" -> UpCommand.run(rest, env, out, err);
                case "send" -> SendCommand.run(rest, env, out, err);
                case "tail" -> TailCommand.run(rest, env, out, err);
                case "help", "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                default -> throw new UsageException("unknown command '" + command + "'");
            };
        } catch (UsageException e) {
            err.println("paystream " + command + ": " + e.getMessage());
            if (e.showUsage()) {
                err.println();
                err.print(USAGE_TEXT);
            } else {
                err.println("(./paystream help shows every command and option)");
            }
            return USAGE;
        }
    }
}
