package io.paystream.localstack;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * {@code up}: starts the stack, prints the summary and runs until Ctrl-C or SIGTERM.
 *
 * <p>SIGINT and SIGTERM get their own handler rather than relying on a shutdown hook alone: shutdown hooks run in no
 * defined order, and test-support's broker registers one that SIGKILLs the broker, which would race the services'
 * graceful shutdown. The handler stops services, broker and Mongo in that order and only then exits the JVM.
 */
final class UpCommand {

    private UpCommand() {}

    /** Where the JVM reserves the signal (-Xrs, some embedders) the shutdown hook alone stops the stack. */
    private static void handle(String signal, Runnable stop) {
        try {
            Signal.handle(new Signal(signal), received -> stop.run());
        } catch (IllegalArgumentException reserved) {
            // the shutdown hook registered below covers it
        }
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        Flags flags = Flags.parse(args, StackSettings.VALUED_FLAGS, StackSettings.SWITCHES);
        if (!flags.positionals().isEmpty()) {
            throw new UsageException("up takes no arguments, got " + flags.positionals());
        }
        StackSettings settings = StackSettings.from(flags, env);
        RunningStack stack;
        try {
            stack = RunningStack.start(settings, out);
        } catch (ServiceStartException e) {
            err.println("The local stack did not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            stack.close();
            stopped.countDown();
        };
        handle("INT", stop);
        handle("TERM", stop);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        StackSummary.print(stack, out);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stack.close();
        }
        out.println("Stopped. Data kept in " + settings.dataDir());
        return 0;
    }
}
