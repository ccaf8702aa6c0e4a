package io.paystream.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a service's process is started with a lower CPU priority: {@code nice -n N} before its command, inherited by all
 * of its threads.
 *
 * <p>Why: on a small machine every process of the stack shares the same cores. webhook-ingest's work per event is a
 * fraction of the pipeline's (broker, MongoDB server, payment-worker, catalog-sync), but it is the only one fed from
 * outside: at equal priority it answered 1,500 webhooks/s while the services behind it applied 1,100/s, their lag
 * growing by the second (bench/stack.sh). With the ingest at nice 10 the pipeline gets the cores first and the
 * ingest takes what is left, so it answers as fast as events can be applied: the lag stays bounded at every offered
 * rate, and a sender that offers more waits for its answers (Stripe retries what times out). When the pipeline is
 * idle the ingest has the cores to itself: nice only matters when the cores are contended.
 */
final class CpuPriority {

    private static final List<Path> NICE = List.of(Path.of("/usr/bin/nice"), Path.of("/bin/nice"));

    private CpuPriority() {}

    /** The command prefix for {@code niceness} (0: none), empty where no {@code nice} is installed. */
    private static List<String> prefix(int niceness) {
        if (niceness == 0) {
            return List.of();
        }
        return NICE.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .map(nice -> List.of(nice.toString(), "-n", Integer.toString(niceness)))
                .orElse(List.of());
    }

    /** {@code command}, run at {@code niceness}. */
    static List<String> command(int niceness, List<String> command) {
        return Stream.concat(prefix(niceness).stream(), command.stream()).toList();
    }
}
