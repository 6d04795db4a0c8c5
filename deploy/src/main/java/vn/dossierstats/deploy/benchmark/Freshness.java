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
 * While a background load runs, a probe sends one {@code RECEIVED} (dated now) at a time to a commune of its own and
 * polls, through the gateway, that commune's report and its entry in the commune leaderboard until the dossier shows
 * in each: the time from acceptance (the 202) to visible.
 */
final class Freshness {

    private Freshness() {}

    /** At 70 % of the best batch rate: how fresh the figures stay under a heavy bulk load. */
    static void underBatches(BenchmarkRun run, double rate) throws Exception {
        measure(run, "at %,.0f events/s in batches (70 %% of the best rate)", r -> new SteadyBatches(r, rate));
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
        probe(run, end, toReport, toLeaderboard);
        double achieved = traffic.stop();
        Latencies report = Latencies.of(toReport);
        Latencies leaderboard = Latencies.of(toLeaderboard);
        String at = load.formatted(achieved);
        run.results.add(
                "freshness to the report " + at,
                report.toString(),
                "p99 ≤ 500 ms",
                report.count() > 0 && report.p99() <= 500);
        run.results.add(
                "freshness to the leaderboard " + at,
                leaderboard.toString(),
                "p99 ≤ 500 ms",
                leaderboard.count() > 0 && leaderboard.p99() <= 500);
        run.out.printf("freshness %s: report %s; leaderboard %s%n", at, report, leaderboard);
    }

    private static void probe(BenchmarkRun run, Instant end, List<Duration> toReport, List<Duration> toLeaderboard) {
        DossierGenerator generator = run.generator();
        String month = null;
        long expected = 0;
        long expectedVolume = 0;
        while (Instant.now().isBefore(end)) {
            // received now: it must count in the running month's new dossiers, which the probe polls
            Instant received = Instant.now();
            String receivedIn =
                    YearMonth.from(received.atZone(BenchmarkRun.ZONE)).toString();
            if (!receivedIn.equals(month)) {
                // the first probe, or the first of a new month: its figures start from the month's own
                month = receivedIn;
                expected = reportCount(run, month);
                expectedVolume = leaderboardVolume(run, month);
            }
            run.gateway.postEvent(generator.receipt(BenchmarkRun.PROBE_UNIT, received));
            Instant accepted = Instant.now();
            run.dossiers.incrementAndGet();
            run.events.incrementAndGet();
            expected++;
            expectedVolume++;
            Duration report = null;
            Duration leaderboard = null;
            while ((report == null || leaderboard == null)
                    && Duration.between(accepted, Instant.now()).toSeconds() < 60) {
                if (report == null && reportCount(run, month) >= expected) {
                    report = Duration.between(accepted, Instant.now());
                }
                if (leaderboard == null && leaderboardVolume(run, month) >= expectedVolume) {
                    leaderboard = Duration.between(accepted, Instant.now());
                }
                LockSupport.parkNanos(20_000_000); // polls lightly: the probe must not load the platform
            }
            if (report != null) {
                toReport.add(report);
            }
            if (leaderboard != null) {
                toLeaderboard.add(leaderboard);
            }
            LockSupport.parkNanos(200_000_000);
        }
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
