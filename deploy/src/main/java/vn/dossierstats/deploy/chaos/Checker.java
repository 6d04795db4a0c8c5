package vn.dossierstats.deploy.chaos;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares what came out with what went in, through the public API only: every event a source was answered 2xx for is
 * in its dossier's history exactly once; every report of every unit and period of the run equals {@link ReportFold}'s
 * recomputation from those events; every leaderboard agrees with the reports.
 */
final class Checker {

    /** The periods every unit's report is checked for: months, quarters, the year and days on the edges. */
    static final List<String> PERIODS = List.of(
            "2025",
            "2025-Q1",
            "2025-Q2",
            "2025-03",
            "2025-04",
            "2025-05",
            "2025-03-01",
            "2025-03-31",
            "2025-04-01",
            "2025-04-30");
    /** The leaderboards checked: the departments of the chaos ministry by on-time rate. */
    static final List<String> BOARD_PERIODS = List.of("2025-03", "2025-04", "2025-Q2");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The outcome of one check. */
    record Result(long events, long stored, long refused, long lost, long doubled, long wrongFigures, String first) {

        boolean clean() {
            return lost == 0 && doubled == 0 && wrongFigures == 0;
        }
    }

    private final String gateway;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    Checker(String gateway) {
        this.gateway = gateway;
    }

    /**
     * Every check once, now; with {@code figuresOnly} the reports and leaderboards only (cheap: a few dozen reads),
     * without reading every dossier's history.
     */
    Result check(SourceLog log, boolean figuresOnly) {
        Map<String, SourceLog.Answer> answers = log.answers();
        List<ChaosDossier> dossiers = log.dossiers();
        long events = dossiers.stream().mapToLong(d -> d.events().size()).sum();
        long stored = answers.values().stream().filter(SourceLog.Answer::stored).count();
        long refused = answers.values().stream().filter(a -> !a.stored()).count();
        List<String> problems = new ArrayList<>();
        long[] lostAndDoubled = figuresOnly ? new long[2] : histories(dossiers, answers, problems);
        long wrong = figures(dossiers, answers, problems);
        return new Result(
                events,
                stored,
                refused,
                lostAndDoubled[0],
                lostAndDoubled[1],
                wrong,
                problems.isEmpty() ? "" : problems.getFirst());
    }

    /** Lost: answered 2xx, absent from the history; doubled: present more than once. */
    private long[] histories(
            List<ChaosDossier> dossiers, Map<String, SourceLog.Answer> answers, List<String> problems) {
        long lost = 0;
        long doubled = 0;
        for (ChaosDossier dossier : dossiers) {
            List<ChaosEvent> stored = dossier.events().stream()
                    .filter(e -> answers.containsKey(e.eventId())
                            && answers.get(e.eventId()).stored())
                    .toList();
            if (stored.isEmpty()) {
                continue;
            }
            JsonNode view = get("/api/v1/dossiers/" + dossier.id());
            Map<String, Integer> seen = new HashMap<>();
            if (view != null) {
                for (JsonNode event : view.path("events")) {
                    seen.merge(event.path("eventId").asString(), 1, Integer::sum);
                }
            }
            for (ChaosEvent event : stored) {
                int times = seen.getOrDefault(event.eventId(), 0);
                if (times == 0) {
                    lost++;
                    problems.add(
                            "lost: " + event.eventId() + " (answered 2xx) is not in " + dossier.id() + "'s history");
                } else if (times > 1) {
                    doubled++;
                    problems.add("doubled: " + event.eventId() + " is " + times + " times in " + dossier.id()
                            + "'s history");
                }
            }
        }
        return new long[] {lost, doubled};
    }

    /** Figures that differ from the recomputation, counting each report field and leaderboard entry once. */
    private long figures(List<ChaosDossier> dossiers, Map<String, SourceLog.Answer> answers, List<String> problems) {
        List<List<ChaosEvent>> accepted = dossiers.stream()
                .map(d -> d.events().stream()
                        .filter(e -> answers.containsKey(e.eventId())
                                && answers.get(e.eventId()).stored())
                        .toList())
                .toList();
        long wrong = 0;
        Map<String, JsonNode> reports = new HashMap<>();
        for (String unit : ChaosCatalogue.UNITS) {
            for (String period : PERIODS) {
                ReportFold.Expected expected = ReportFold.report(accepted, unit, ReportFold.Period.of(period));
                JsonNode report = get("/api/v1/stats/units/" + unit + "?period=" + period);
                if (report == null) {
                    wrong++;
                    problems.add("report " + unit + " " + period + ": no answer");
                    continue;
                }
                reports.put(unit + "|" + period, report);
                for (Map.Entry<String, Object> figure : expected.figures().entrySet()) {
                    JsonNode actual = report.at("/" + figure.getKey().replace('.', '/'));
                    if (!same(figure.getValue(), actual)) {
                        wrong++;
                        problems.add("report " + unit + " " + period + " " + figure.getKey() + ": " + actual
                                + ", expected " + figure.getValue());
                    }
                }
            }
        }
        for (String period : BOARD_PERIODS) {
            JsonNode board = get("/api/v1/leaderboards?level=DEPARTMENT&parent=" + ChaosCatalogue.ROOT
                    + "&indicator=ON_TIME_RATE&period=" + period);
            if (board == null) {
                wrong++;
                problems.add("leaderboard " + period + ": no answer");
                continue;
            }
            List<JsonNode> listed = new ArrayList<>();
            board.path("entries").forEach(listed::add);
            board.path("unranked").forEach(listed::add);
            for (String unit : ChaosCatalogue.DEPARTMENTS) {
                JsonNode entry = listed.stream()
                        .filter(e -> e.path("unitCode").asString().equals(unit))
                        .findFirst()
                        .orElse(null);
                JsonNode report = reports.containsKey(unit + "|" + period)
                        ? reports.get(unit + "|" + period)
                        : get("/api/v1/stats/units/" + unit + "?period=" + period);
                if (entry == null || report == null) {
                    wrong++;
                    problems.add("leaderboard " + period + ": " + unit + " missing");
                    continue;
                }
                boolean volume = entry.path("volume").asLong()
                        == report.at("/ended/total").asLong();
                boolean value = entry.path("value").isNull()
                        ? report.path("onTimeRate").isNull()
                        : Math.abs(entry.path("value").asDouble()
                                        - report.path("onTimeRate").asDouble())
                                < 1e-4;
                if (!volume || !value) {
                    wrong++;
                    problems.add("leaderboard " + period + " " + unit + ": " + entry + " against the report's "
                            + report.path("onTimeRate") + " of " + report.at("/ended/total"));
                }
            }
        }
        return wrong;
    }

    private static boolean same(Object expected, JsonNode actual) {
        if (expected == null) {
            return actual.isNull();
        }
        if (actual.isMissingNode() || actual.isNull()) {
            return false;
        }
        if (expected instanceof BigDecimal decimal) {
            return decimal.compareTo(actual.decimalValue()) == 0;
        }
        return Objects.equals(((Number) expected).longValue(), actual.asLong());
    }

    /** A GET through the gateway; null when there is no 200 (after a few tries while a service recovers). */
    private JsonNode get(String path) {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(gateway + path))
                                .timeout(Duration.ofSeconds(15))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return JSON.readTree(response.body());
                }
                if (response.statusCode() == 404) {
                    return null;
                }
            } catch (IOException e) {
                // the gateway or the service is not back yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
