package io.paystream.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code ./paystream} launcher: {@code up}, {@code send}, {@code tail}, {@code sync}, {@code help}. Exit codes: 0 done, 1 failed,
 * 2 the command line was not understood.
 */
public final class LocalStack {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /**
     * The text of {@code ./paystream help}: a resource, so that the {@code paystream} script prints the same file
     * without starting the JVM, or a build on a fresh clone.
     */
    static final String USAGE_TEXT = usageText();

    private LocalStack() {}

    private static String usageText() {
        try (InputStream in = LocalStack.class.getResourceAsStream("usage.txt")) {
            if (in == null) {
                throw new IllegalStateException("usage.txt is missing from the launcher's class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
                case "sync" -> SyncCommand.run(rest, env, out, err);
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
