package vn.dossierstats.deploy.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import vn.dossierstats.deploy.DossierGenerator;

/**
 * While a background load runs, a probe sends a {@code RECEIVED} (dated now) to a commune of its own every 250 ms and
 * polls, through the gateway, that commune's report and its entry in the commune leaderboard until each dossier shows
 * in each: the time from acceptance (the 202) to visible.
 */
final class Freshness {

    private static final Duration PROBE_EVERY = Duration.ofMillis(250);
    /** A probe not visible this long after the last one was sent is not counted (reported as missing samples). */
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private Freshness() {}

    /** At 70 % of the best batch rate: how fresh the figures stay under a heavy bulk load. */
    static void underBatches(BenchmarkRun run, double rate) throws Exception {
        measure(run, "at %,.0f events/s in batches (70 %% of the best rate)", r -> new SteadyBatches(r, rate));
    }

    /**
     * At 70 % of the rate end to end: batches accepted faster than the statistics are computed only build a queue, so
     * this is how fresh the figures stay under the heaviest bulk load the platform sustains.
     */
    static void underSustainedBatches(BenchmarkRun run, double rate) throws Exception {
        measure(run, "at %,.0f events/s in batches (70 %% of the rate end to end)", r -> new SteadyBatches(r, rate));
    }

    /** At a steady national peak of single-event requests. */
    static void underSingleEvents(BenchmarkRun run, int rate) throws Exception {
        measure(run, "at %,.0f single events/s (steady, open loop)", r -> new SteadyEvents(r, rate));
    }

    private static void measure(BenchmarkRun run, String load, Function<BenchmarkRun, BackgroundLoad> background)
            throws Exception {
        Instant end = Instant.now().plus(run.size.phase.multipliedBy(2));
        List<Duration> toReport = Collections.synchronizedList(new ArrayList<>());
        List<Duration> toLeaderboard = Collections.synchronizedList(new ArrayList<>());
        BackgroundLoad traffic = background.apply(run);
        int sent = probe(run, end, toReport, toLeaderboard);
        double achieved = traffic.stop();
        Latencies report = Latencies.of(toReport);
        Latencies leaderboard = Latencies.of(toLeaderboard);
        String at = load.formatted(achieved);
        run.results.add(
                "freshness to the report " + at,
                described(report, sent),
                "p99 ≤ 500 ms",
                report.count() == sent && report.count() > 0 && report.p99() <= 500);
        run.results.add(
                "freshness to the leaderboard " + at,
                described(leaderboard, sent),
                "p99 ≤ 500 ms",
                leaderboard.count() == sent && leaderboard.count() > 0 && leaderboard.p99() <= 500);
        run.out.printf(
                "freshness %s: report %s; leaderboard %s%n", at, described(report, sent), described(leaderboard, sent));
    }

    /**
     * Sends a probe every {@link #PROBE_EVERY} whether the earlier ones show yet or not, and polls until each shows
     * or {@link #GIVE_UP} after the last was sent: a queue shows as delays that grow, and a phase gives enough samples
     * for a p99 (one probe at a time gave 1 to 17). The probes are counted in the order sent, so the n-th probe is
     * visible once the commune's figures have grown by n.
     *
     * @return how many probes were sent
     */
    private static int probe(BenchmarkRun run, Instant end, List<Duration> toReport, List<Duration> toLeaderboard) {
        DossierGenerator generator = run.generator();
        // every probe is received now, so counted in this month's new dossiers, which the probe polls; a phase that
        // would cross into the next month stops sending there
        String month = monthOf(Instant.now());
        long reportBase = reportCount(run, month);
        long volumeBase = leaderboardVolume(run, month);
        List<Instant> accepted = new ArrayList<>();
        Instant nextProbe = Instant.now();
        Instant giveUp = end.plus(GIVE_UP);
        while (Instant.now().isBefore(giveUp)) {
            Instant now = Instant.now();
            if (now.isBefore(end) && !now.isBefore(nextProbe) && monthOf(now).equals(month)) {
                run.gateway.postEvent(generator.receipt(BenchmarkRun.PROBE_UNIT, now));
                accepted.add(Instant.now());
                run.dossiers.incrementAndGet();
                run.events.incrementAndGet();
                nextProbe = nextProbe.plus(PROBE_EVERY);
                giveUp = Instant.now().plus(GIVE_UP);
            }
            shown(accepted, reportCount(run, month) - reportBase, toReport);
            shown(accepted, leaderboardVolume(run, month) - volumeBase, toLeaderboard);
            if (!Instant.now().isBefore(end)
                    && toReport.size() == accepted.size()
                    && toLeaderboard.size() == accepted.size()) {
                break;
            }
            LockSupport.parkNanos(20_000_000); // polls lightly: the probe must not load the platform
        }
        return accepted.size();
    }

    private static String described(Latencies delays, int sent) {
        int missing = sent - delays.count();
        return missing == 0
                ? delays.toString()
                : "%s; %d of %d probes not visible within %d s".formatted(delays, missing, sent, GIVE_UP.toSeconds());
    }

    /** Records the delay of every probe newly visible among the first {@code visible} sent. */
    private static void shown(List<Instant> accepted, long visible, List<Duration> delays) {
        Instant now = Instant.now();
        while (delays.size() < Math.min(visible, accepted.size())) {
            delays.add(Duration.between(accepted.get(delays.size()), now));
        }
    }

    private static String monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(BenchmarkRun.ZONE)).toString();
    }

    private static long reportCount(BenchmarkRun run, String month) {
        return run.gateway
                .getJson("/api/v1/stats/units/" + BenchmarkRun.PROBE_UNIT + "?period=" + month)
                .path("received")
                .path("new")
                .asLong();
    }

    private static long leaderboardVolume(BenchmarkRun run, String month) {
        JsonNode board = run.gateway.getJson(
                "/api/v1/leaderboards?level=COMMUNE&parent=01&indicator=ONLINE_SHARE&period=" + month);
        for (String list : List.of("entries", "unranked")) {
            for (JsonNode entry : board.path(list)) {
                if (BenchmarkRun.PROBE_UNIT.equals(entry.path("unitCode").asString())) {
                    return entry.path("volume").asLong();
                }
            }
        }
        return 0;
    }
}
