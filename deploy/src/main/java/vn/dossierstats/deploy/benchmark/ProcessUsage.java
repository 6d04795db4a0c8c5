package vn.dossierstats.deploy.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and memory of each process of the platform (with its children: PostgreSQL's backends), from /proc. This
 * JVM (the load generator) is counted alone: every other process of the platform is its child.
 */
record ProcessUsage(Duration cpu, long rssKib, long peakRssKib) {

    static Map<String, ProcessUsage> of(Map<String, ProcessHandle> processes) {
        Map<String, ProcessUsage> usage = new LinkedHashMap<>();
        processes.forEach((name, process) -> usage.put(name, of(process)));
        return usage;
    }

    static ProcessUsage of(ProcessHandle process) {
        Duration cpu = Duration.ZERO;
        long rss = 0;
        for (ProcessHandle p : Stream.concat(Stream.of(process), own(process) ? Stream.empty() : process.descendants())
                .toList()) {
            cpu = cpu.plus(p.info().totalCpuDuration().orElse(Duration.ZERO));
            rss += status(p.pid(), "VmRSS:");
        }
        return new ProcessUsage(cpu, rss, status(process.pid(), "VmHWM:"));
    }

    private static boolean own(ProcessHandle process) {
        return process.pid() == ProcessHandle.current().pid();
    }

    /** A kB figure of /proc/[pid]/status, or 0 where there is no /proc. */
    private static long status(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            return lines.filter(line -> line.startsWith(field))
                    .map(line -> line.substring(field.length()).trim().split("\\s+")[0])
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
