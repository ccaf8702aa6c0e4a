package io.paystream.localstack;

import java.util.List;
import java.util.stream.Stream;

/**
 * The JVM options of the stack's processes: chosen for a system that runs under load for hours, not for a test that
 * starts and stops in seconds (see docs/local-stack.md, "JVM settings").
 *
 * <p>Not test-support's broker defaults ({@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}): C1-only code runs the
 * broker's hot paths (record batches, CRC, network) several times slower once warm, which matters to a stack that is
 * benchmarked and used, and not to a test that needs the broker for ten seconds.
 */
final class JvmOptions {

    /**
     * Every Java process of the stack (broker and services): full tiered compilation (the JVM default, spelled out
     * because test-support's broker would otherwise get its fast-start flags), the parallel collector (throughput:
     * short stop-the-world young collections on both cores instead of G1's concurrent work and write barriers, which
     * on two shared cores only take CPU from the other processes), and an exit on OutOfMemoryError so a service that
     * ran out of heap is reported by {@code up} instead of limping on.
     */
    static final List<String> RUNNING_SYSTEM =
            List.of("-XX:+TieredCompilation", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError");

    private JvmOptions() {}

    /** {@code -Xmx} first, then {@link #RUNNING_SYSTEM}. */
    static List<String> withHeap(String maxHeap) {
        return Stream.concat(Stream.of("-Xmx" + maxHeap), RUNNING_SYSTEM.stream())
                .toList();
    }
}
