package vn.dossierstats.deploy.chaos;

import java.time.Duration;
import java.util.List;

/** The chaos run's results as the Markdown table of docs/reliability.md. */
final class ChaosTable {

    private ChaosTable() {}

    static String header() {
        return """
                | fault | events answered | 2xx | refused | lost | doubled | wrong figures | 503/504/429 with Retry-After | no answer | other 5xx | first event stored after the heal | every figure right after the drain |
                |---|---|---|---|---|---|---|---|---|---|---|---|""";
    }

    static String line(ChaosRun.Row row) {
        Checker.Result r = row.result();
        return "| %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s |"
                .formatted(
                        row.fault().description(),
                        row.stored() + row.refused(),
                        row.stored(),
                        row.refused(),
                        r.lost(),
                        r.doubled(),
                        r.wrongFigures(),
                        row.retryLater(),
                        row.noAnswer(),
                        row.improper(),
                        seconds(row.firstStoredAfterHeal()),
                        row.settled() == null
                                ? "not within " + ChaosRun.SETTLE_WITHIN.toMinutes() + " min"
                                : seconds(row.settled()));
    }

    static String table(List<ChaosRun.Row> rows) {
        StringBuilder table = new StringBuilder(header()).append('\n');
        rows.forEach(row -> table.append(line(row)).append('\n'));
        return table.toString();
    }

    private static String seconds(Duration duration) {
        return duration == null ? "none" : "%.1f s".formatted(duration.toMillis() / 1000.0);
    }
}
