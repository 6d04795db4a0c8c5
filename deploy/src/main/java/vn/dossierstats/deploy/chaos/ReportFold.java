package vn.dossierstats.deploy.chaos;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The period report of domain.md recomputed from the accepted events alone, independently of the production code: a
 * fold over each dossier's events in occurredAt order, for the shapes {@link ChaosHistories} makes (at most one pause,
 * never an end while waiting).
 */
final class ReportFold {

    /** The figures compared, named as the report's JSON fields (a path with dots). */
    record Expected(Map<String, Object> figures) {}

    private ReportFold() {}

    /** A period as the API writes it, as the instants [from, to) in local time. */
    record Period(String name, Instant from, Instant to) {

        static Period of(String name) {
            LocalDate start;
            LocalDate end;
            if (name.length() == 4) {
                start = LocalDate.of(Integer.parseInt(name), 1, 1);
                end = start.plusYears(1);
            } else if (name.charAt(5) == 'Q') {
                start = LocalDate.of(Integer.parseInt(name.substring(0, 4)), 3 * (name.charAt(6) - '1') + 1, 1);
                end = start.plusMonths(3);
            } else if (name.length() == 7) {
                start = LocalDate.parse(name + "-01");
                end = start.plusMonths(1);
            } else {
                start = LocalDate.parse(name);
                end = start.plusDays(1);
            }
            return new Period(
                    name,
                    start.atStartOfDay(ChaosHistories.LOCAL).toInstant(),
                    end.atStartOfDay(ChaosHistories.LOCAL).toInstant());
        }
    }

    static Expected report(Collection<List<ChaosEvent>> dossiers, String unit, Period period) {
        List<String> covered = ChaosCatalogue.coveredBy(unit);
        long carriedOver = 0;
        long received = 0;
        long online = 0;
        long direct = 0;
        long postal = 0;
        long digitized = 0;
        long early = 0;
        long onTime = 0;
        long late = 0;
        long within = 0;
        long overdue = 0;
        for (List<ChaosEvent> accepted : dossiers) {
            List<ChaosEvent> events = accepted.stream()
                    .sorted(Comparator.comparing(ChaosEvent::at))
                    .toList();
            Optional<ChaosEvent> receipt =
                    events.stream().filter(ChaosEvent::isReceipt).findFirst();
            if (receipt.isEmpty() || !covered.contains(receipt.get().unit())) {
                continue;
            }
            ChaosEvent r = receipt.get();
            Instant s = period.from();
            Instant e = period.to();
            if (!r.at().isBefore(e)) {
                continue;
            }
            Instant end = events.stream()
                    .filter(ChaosEvent::isEnd)
                    .map(ChaosEvent::at)
                    .findFirst()
                    .orElse(null);
            Instant requested = at(events, "SUPPLEMENT_REQUESTED");
            Instant resumed = at(events, "SUPPLEMENT_RECEIVED");
            if (r.at().isBefore(s)) {
                if (end == null || !end.isBefore(s)) {
                    carriedOver++;
                } else {
                    continue;
                }
            } else {
                received++;
                switch (r.channel()) {
                    case "ONLINE" -> online++;
                    case "DIRECT" -> direct++;
                    default -> postal++;
                }
                if (r.digitized()) {
                    digitized++;
                }
            }
            if (end != null && end.isBefore(e)) {
                // ended in P (the generator ends only once any pause is over)
                Instant due = r.dueAt().plus(paused(requested, resumed, end));
                if (end.isAfter(due)) {
                    late++;
                } else if (localDate(end).isBefore(localDate(due))) {
                    early++;
                } else {
                    onTime++;
                }
            } else {
                // in progress at e: judged at e, or at the pause's start while it is open at e
                boolean waiting =
                        requested != null && requested.isBefore(e) && (resumed == null || !resumed.isBefore(e));
                Instant judgedAt = waiting ? requested : e;
                Instant due = r.dueAt().plus(waiting ? java.time.Duration.ZERO : paused(requested, resumed, e));
                if (judgedAt.isAfter(due)) {
                    overdue++;
                } else {
                    within++;
                }
            }
        }
        long total = carriedOver + received;
        long ended = early + onTime + late;
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("received.carriedOver", carriedOver);
        figures.put("received.new", received);
        figures.put("received.online", online);
        figures.put("received.direct", direct);
        figures.put("received.postal", postal);
        figures.put("received.totalToProcess", total);
        figures.put("ended.early", early);
        figures.put("ended.onTime", onTime);
        figures.put("ended.late", late);
        figures.put("ended.total", ended);
        figures.put("inProgress.withinDeadline", within);
        figures.put("inProgress.overdue", overdue);
        figures.put("inProgress.total", within + overdue);
        figures.put("onTimeRate", ratio(early + onTime, ended, 4, BigDecimal.ONE));
        figures.put("progressScore", ratio(early + onTime + within, total, 2, BigDecimal.valueOf(20)));
        figures.put("onlineShare", ratio(online, received, 4, BigDecimal.ONE));
        figures.put("digitizedShare", ratio(digitized, received, 4, BigDecimal.ONE));
        return new Expected(figures);
    }

    /** The completed pause before {@code t} (events before t count), or none. */
    private static java.time.Duration paused(Instant requested, Instant resumed, Instant t) {
        if (requested == null || resumed == null || !resumed.isBefore(t)) {
            return java.time.Duration.ZERO;
        }
        return java.time.Duration.between(requested, resumed);
    }

    private static Instant at(List<ChaosEvent> events, String type) {
        return events.stream()
                .filter(event -> event.type().equals(type))
                .map(ChaosEvent::at)
                .findFirst()
                .orElse(null);
    }

    /** {@code scale × numerator / denominator}, half-up, from the exact fraction; null when the denominator is 0. */
    private static BigDecimal ratio(long numerator, long denominator, int digits, BigDecimal scale) {
        if (denominator == 0) {
            return null;
        }
        return scale.multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), digits, RoundingMode.HALF_UP);
    }

    private static LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, ChaosHistories.LOCAL);
    }
}
