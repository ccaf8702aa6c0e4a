package io.paystream.bench.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's processes, found as the launcher and its descendants and named by their command lines, with their CPU
 * time and resident memory read from {@code /proc}: the share of the two cores each part of the stack takes is what
 * decides its throughput here.
 */
final class StackProcesses {

    /** The launcher's JVM: it runs the embedded MongoDB wire server (and little else once the stack is up). */
    static final String LAUNCHER = "launcher+MongoDB";

    static final String KAFKA = "Kafka broker";
    static final List<String> SERVICES = List.of("webhook-ingest", "payment-worker", "catalog-sync", "stripe-emulator");

    private StackProcesses() {}

    /** Name to process, the launcher first; a process of unknown kind is named by its pid. */
    static Map<String, ProcessHandle> of(ProcessHandle launcher) {
        Map<String, ProcessHandle> named = new LinkedHashMap<>();
        named.put(LAUNCHER, launcher);
        List<ProcessHandle> descendants = new ArrayList<>(launcher.descendants().toList());
        for (ProcessHandle process : descendants) {
            named.put(nameOf(process), process);
        }
        return named;
    }

    /** User + system time so far; zero once the process is gone. */
    static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Resident set size ({@code VmRSS}), 0 when the process is gone. */
    static long rssBytes(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return 1024 * Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process exited between finding and reading it
        }
        return 0;
    }

    private static String nameOf(ProcessHandle process) {
        String commandLine = commandLine(process);
        if (commandLine.contains("kafka.Kafka")) {
            return KAFKA;
        }
        for (String service : SERVICES) {
            if (commandLine.contains(service)) {
                return service;
            }
        }
        return "pid " + process.pid() + " " + process.info().command().orElse("?");
    }

    /** The whole command line as the kernel holds it (the broker is known by its main class, a service by its jar). */
    private static String commandLine(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }
}
