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
 *
 * @param compiling the part of {@code cpu} that the JVM's JIT compiler threads used: on a machine of few cores, a JVM
 *     still compiling its hot paths takes CPU from the work measured (a warm-up phase is judged by it)
 */
record ProcessUsage(Duration cpu, Duration compiling, long rssKib, long peakRssKib) {

    static final ProcessUsage NONE = new ProcessUsage(Duration.ZERO, Duration.ZERO, 0, 0);

    /** Linux's clock tick, the unit of the thread times in /proc (USER_HZ, 100 on every common kernel). */
    private static final long TICKS_PER_SECOND = 100;

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
        return new ProcessUsage(cpu, compiling(process.pid()), rss, status(process.pid(), "VmHWM:"));
    }

    /**
     * The CPU of the threads HotSpot names "C1 CompilerThread" and "C2 CompilerThread" (their names cut to 15
     * characters in /proc); zero for a process that has none, or where there is no /proc. Compiler threads beyond
     * the first of each kind may end and take their time with them, so this is a lower bound.
     */
    private static Duration compiling(long pid) {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                ticks += compilerTicks(task);
            }
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO; // no /proc, or the process ended
        }
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    private static long compilerTicks(Path task) {
        try {
            return Files.readString(task.resolve("comm")).contains("CompilerThre")
                    ? threadTicks(Files.readString(task.resolve("stat")))
                    : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // a thread that ended between the listing and the reading
        }
    }

    /** utime + stime of a /proc/[pid]/task/[tid]/stat line: fields 14 and 15, counted after the command's ")". */
    static long threadTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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
