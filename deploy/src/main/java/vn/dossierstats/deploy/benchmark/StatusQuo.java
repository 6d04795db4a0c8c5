package vn.dossierstats.deploy.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * The same province report and leaderboard computed on demand with SQL over a table of the same dossiers, as a
 * reporting database would, one query at a time; and a check that both give the same figures.
 */
final class StatusQuo {

    private StatusQuo() {}

    static void run(BenchmarkRun run) throws Exception {
        int times = run.size == BenchmarkOptions.Size.SMOKE ? 3 : 20;
        YearMonth month = YearMonth.now(BenchmarkRun.ZONE);
        Instant from = month.atDay(1).atStartOfDay(BenchmarkRun.ZONE).toInstant();
        Instant to = Instant.now();
        try (SqlBaseline sql = new SqlBaseline(run.platform.jdbcUrl("dossier"))) {
            Instant prepareStart = Instant.now();
            long rows = sql.prepare();
            run.results.context("PostgreSQL " + sql.serverVersion()
                    + "; baseline table of %,d dossiers built in %s s"
                            .formatted(rows, BenchmarkRun.seconds(Duration.between(prepareStart, Instant.now()))));
            compare(
                    run,
                    "report of a province",
                    Latencies.of(SqlBaseline.time(times, () -> sql.report("01", from, to))));
            compare(
                    run,
                    "leaderboard of the 34 provinces",
                    Latencies.of(SqlBaseline.time(times, () -> sql.leaderboard(from, to))));
            sameFigures(run, sql);
        }
    }

    private static void compare(BenchmarkRun run, String read, Latencies sql) {
        Latencies platform = run.ownReads.get(read);
        double ratio = sql.p50() / platform.p50();
        boolean large = run.size == BenchmarkOptions.Size.S10M;
        run.results.add(
                "status quo: the %s with SQL on demand".formatted(read),
                "%s; %.1f× the platform's p50 (one client each); fresh only as of the query".formatted(sql, ratio),
                large ? "≥ 100× slower at 10M" : "≥ 10× slower (≥ 100× at 10M)",
                ratio >= (large ? 100 : 10));
        run.out.printf("SQL %s: %s (%.0f× ours)%n", read, sql, ratio);
    }

    /**
     * Compares a closed period, yesterday: figures of the running one move between the two reads (a dossier turns
     * overdue), and the baseline table holds the facts as of when it was built.
     */
    private static void sameFigures(BenchmarkRun run, SqlBaseline sql) throws Exception {
        LocalDate yesterday = LocalDate.now(BenchmarkRun.ZONE).minusDays(1);
        JsonNode live = run.gateway.getJson("/api/v1/stats/units/01?period=" + yesterday);
        long[] counts = sql.report(
                "01",
                yesterday.atStartOfDay(BenchmarkRun.ZONE).toInstant(),
                yesterday.plusDays(1).atStartOfDay(BenchmarkRun.ZONE).toInstant());
        long[] ours = {
            live.path("received").path("carriedOver").asLong(),
            live.path("received").path("new").asLong(),
            live.path("received").path("online").asLong(),
            live.path("ended").path("early").asLong(),
            live.path("ended").path("onTime").asLong(),
            live.path("ended").path("late").asLong(),
            live.path("inProgress").path("withinDeadline").asLong(),
            live.path("inProgress").path("overdue").asLong()
        };
        boolean equal = Arrays.equals(counts, ours);
        run.results.add(
                "baseline and platform give the same report of province 01 for yesterday",
                equal ? "yes" : "no: SQL %s, platform %s".formatted(Arrays.toString(counts), Arrays.toString(ours)),
                "equal",
                equal);
    }
}
