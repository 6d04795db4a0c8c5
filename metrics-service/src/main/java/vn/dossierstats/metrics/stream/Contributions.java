package vn.dossierstats.metrics.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import vn.dossierstats.metrics.index.ProcedureUsage;
import vn.dossierstats.metrics.report.Counts;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;

/**
 * What one dossier fact adds to the buckets of every unit on its path: receipt counts where it was received, its
 * classification, electronic result and (per period) dissatisfaction where it ended, +1/-1 open, open digitised and
 * overdue where those states begin and end. By unit code, then by period key. And its {@link ProcedureUsage}: by unit
 * code, then by {@link #usageKey}.
 */
public final class Contributions {

    private static final Counts PAID_ONLINE = new Counts(0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
    private static final Counts DISSATISFIED = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);

    private final ZoneId zone;

    public Contributions(ZoneId zone) {
        this.zone = zone;
    }

    public Map<String, Map<String, Counts>> of(DossierFact fact) {
        Map<String, Map<String, Counts>> result = new HashMap<>();
        if (fact == null || fact.refused() || fact.receivedAt() == null) {
            return result;
        }
        Counts receipt = new Counts(
                1,
                "ONLINE".equals(fact.channel()) ? 1 : 0,
                "DIRECT".equals(fact.channel()) ? 1 : 0,
                "POSTAL".equals(fact.channel()) ? 1 : 0,
                fact.digitized() ? 1 : 0,
                fact.feeRequired() ? 1 : 0,
                0,
                0,
                0,
                0,
                1,
                0,
                0,
                0,
                fact.digitized() ? 1 : 0);
        Counts paidOnline = receipt.plus(PAID_ONLINE);
        LocalDate receivedOn = LocalDate.ofInstant(fact.receivedAt(), zone);
        for (Granularity granularity : Granularity.values()) {
            Period period = Period.of(granularity, receivedOn);
            // a fee paid online counts for the periods of receipt that it was paid before the end of
            boolean paidInTime = fact.feeRequired()
                    && fact.paidOnlineAt() != null
                    && fact.paidOnlineAt()
                            .isBefore(period.end().atStartOfDay(zone).toInstant());
            add(result, fact, period, paidInTime ? paidOnline : receipt);
        }
        if (fact.overdueSince() != null) {
            add(result, fact, fact.overdueSince(), new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
        }
        if (fact.endedAt() != null) {
            String c = fact.classification();
            Counts end = new Counts(
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    "EARLY".equals(c) ? 1 : 0,
                    "ON_TIME".equals(c) ? 1 : 0,
                    "LATE".equals(c) ? 1 : 0,
                    -1,
                    fact.overdueSince() != null ? -1 : 0,
                    fact.hasElectronicResult() ? 1 : 0,
                    0,
                    fact.digitized() ? -1 : 0);
            if (fact.ratings() == null || fact.ratings().isEmpty()) {
                add(result, fact, fact.endedAt(), end);
            } else {
                // a rating comes after the end: the latest one before each period's end counts in that period
                Counts dissatisfiedEnd = end.plus(DISSATISFIED);
                LocalDate endedOn = LocalDate.ofInstant(fact.endedAt(), zone);
                for (Granularity granularity : Granularity.values()) {
                    Period period = Period.of(granularity, endedOn);
                    boolean dissatisfied = fact.dissatisfiedBefore(
                            period.end().atStartOfDay(zone).toInstant());
                    add(result, fact, period, dissatisfied ? dissatisfiedEnd : end);
                }
            }
        }
        return result;
    }

    /** The new fact's contribution minus the old one's, without zero entries or units left unchanged. */
    public Map<String, Map<String, Counts>> delta(DossierFact previous, DossierFact next) {
        return difference(of(next), of(previous), Counts::negate, Counts::plus, Counts::isZero);
    }

    /**
     * What the dossier adds to the procedure usage of every unit on its path, in each period of its receipt: one
     * dossier of its procedure received by the unit that received it (the last of the path), online or not, paid
     * online before the period's end or not. Nothing for a fact without a procedure (kept by an earlier version).
     */
    public Map<String, Map<String, ProcedureUsage>> usage(DossierFact fact) {
        Map<String, Map<String, ProcedureUsage>> result = new HashMap<>();
        if (fact == null
                || fact.refused()
                || fact.receivedAt() == null
                || fact.procedureCode() == null
                || fact.unitPath() == null
                || fact.unitPath().isEmpty()) {
            return result;
        }
        String own = fact.unitPath().getLast();
        long online = "ONLINE".equals(fact.channel()) ? 1 : 0;
        LocalDate receivedOn = LocalDate.ofInstant(fact.receivedAt(), zone);
        for (Granularity granularity : Granularity.values()) {
            Period period = Period.of(granularity, receivedOn);
            boolean paidInTime = fact.feeRequired()
                    && fact.paidOnlineAt() != null
                    && fact.paidOnlineAt()
                            .isBefore(period.end().atStartOfDay(zone).toInstant());
            ProcedureUsage usage = new ProcedureUsage(1, online, paidInTime ? 1 : 0);
            String key = usageKey(period.key(), own, fact.procedureCode());
            for (String unit : fact.unitPath()) {
                result.computeIfAbsent(unit, u -> new HashMap<>()).put(key, usage);
            }
        }
        return result;
    }

    /** The new fact's usage minus the old one's, without zero entries or units left unchanged. */
    public Map<String, Map<String, ProcedureUsage>> usageDelta(DossierFact previous, DossierFact next) {
        return difference(
                usage(next), usage(previous), ProcedureUsage::negate, ProcedureUsage::plus, ProcedureUsage::isZero);
    }

    /** {@code next} minus {@code previous} by unit and key (into {@code next}), without zeros or empty units. */
    private static <V> Map<String, Map<String, V>> difference(
            Map<String, Map<String, V>> next,
            Map<String, Map<String, V>> previous,
            UnaryOperator<V> negate,
            BinaryOperator<V> plus,
            Predicate<V> isZero) {
        previous.forEach((unit, entries) -> entries.forEach((key, value) ->
                next.computeIfAbsent(unit, u -> new HashMap<>()).merge(key, negate.apply(value), plus)));
        next.values().forEach(entries -> entries.values().removeIf(isZero));
        next.values().removeIf(Map::isEmpty);
        return next;
    }

    /** {@code <period key>|<unit that received>|<procedure>}, e.g. {@code 2026-07|H26.30|1.004227}. */
    public static String usageKey(String period, String receivedBy, String procedure) {
        return period + "|" + receivedBy + "|" + procedure;
    }

    private void add(Map<String, Map<String, Counts>> result, DossierFact fact, Instant at, Counts counts) {
        LocalDate date = LocalDate.ofInstant(at, zone);
        for (Granularity granularity : Granularity.values()) {
            add(result, fact, Period.of(granularity, date), counts);
        }
    }

    private static void add(Map<String, Map<String, Counts>> result, DossierFact fact, Period period, Counts counts) {
        for (String unit : fact.unitPath()) {
            result.computeIfAbsent(unit, u -> new HashMap<>()).merge(period.key(), counts, Counts::plus);
        }
    }
}
