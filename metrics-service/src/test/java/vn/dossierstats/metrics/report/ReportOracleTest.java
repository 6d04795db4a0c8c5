package vn.dossierstats.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import vn.dossierstats.metrics.stream.Contributions;
import vn.dossierstats.metrics.stream.DossierFact;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;

/** The live arithmetic (contributions into buckets, prefix sums) against the period report computed with plain loops. */
class ReportOracleTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant ORIGIN =
            LocalDate.of(2025, 11, 1).atStartOfDay(ZONE).toInstant();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Property(tries = 40)
    void bucketsGiveTheReportOfPlainLoopsForEveryUnitAndPeriod(
            @ForAll @IntRange(min = 1, max = 300) int dossiers, @ForAll long seed) {
        Random random = new Random(seed);
        List<DossierFact> facts = new ArrayList<>();
        for (int i = 0; i < dossiers; i++) {
            facts.add(randomFact(random, i));
        }
        Map<String, Counts> buckets = new HashMap<>();
        Contributions contributions = new Contributions(ZONE);
        for (DossierFact fact : facts) {
            contributions
                    .of(fact)
                    .forEach((unit, periods) -> periods.forEach(
                            (period, counts) -> buckets.merge(unit + "|" + period, counts, Counts::plus)));
        }
        ReportCalculator calculator = new ReportCalculator(
                (unit, period) -> buckets.getOrDefault(unit + "|" + period.key(), Counts.ZERO), 2000);

        for (String unit : List.of("P", "P.1", "P.2")) {
            for (Granularity granularity : Granularity.values()) {
                // the sweep over a random subset of the periods (gaps short and long) gives what one at a time does
                List<Period> some = new ArrayList<>();
                for (Period p = Period.of(granularity, LocalDate.of(2025, 11, 1));
                        !p.start().isAfter(TODAY);
                        p = p.next()) {
                    if (random.nextInt(3) > 0) {
                        some.add(p);
                    }
                }
                List<PeriodCounts> swept = calculator.counts(unit, some, TODAY);
                for (int i = 0; i < some.size(); i++) {
                    Period p = some.get(i);
                    LocalDate end = p.end().isAfter(TODAY) ? TODAY.plusDays(1) : p.end();
                    assertThat(swept.get(i)).as("swept " + unit + " " + p).isEqualTo(oracle(facts, unit, p, end));
                }
                for (Period p = Period.of(granularity, LocalDate.of(2025, 11, 1));
                        !p.start().isAfter(TODAY);
                        p = p.next()) {
                    LocalDate end = p.end().isAfter(TODAY) ? TODAY.plusDays(1) : p.end();
                    PeriodCounts live = calculator.counts(unit, p, end);
                    PeriodCounts oracle = oracle(facts, unit, p, end);
                    assertThat(live).as(unit + " " + p).isEqualTo(oracle);
                    assertThat(live.totalToProcess()).isEqualTo(live.ended() + live.inProgress());
                }
            }
        }
    }

    private static PeriodCounts oracle(List<DossierFact> facts, String unit, Period period, LocalDate endDay) {
        Instant s = period.start().atStartOfDay(ZONE).toInstant();
        Instant e = endDay.atStartOfDay(ZONE).toInstant();
        long carried = 0, received = 0, online = 0, direct = 0, postal = 0, early = 0, onTime = 0, late = 0;
        long within = 0, overdue = 0, digitized = 0, fee = 0, paid = 0;
        long electronic = 0, dissatisfied = 0, digitizedToProcess = 0;
        for (DossierFact f : facts) {
            if (!f.unitPath().contains(unit) || f.refused()) {
                continue;
            }
            Instant r = f.receivedAt();
            Instant t = f.endedAt();
            if (r.isBefore(s) && (t == null || !t.isBefore(s))) {
                carried++;
            }
            // the national index's (domain.md): of totalToProcess, digitised and disliked; electronic among ended in P
            if (r.isBefore(e) && (t == null || !t.isBefore(s))) {
                digitizedToProcess += f.digitized() ? 1 : 0;
                dissatisfied += f.dissatisfiedBefore(e) ? 1 : 0;
                electronic += t != null && t.isBefore(e) && f.hasElectronicResult() ? 1 : 0;
            }
            if (!r.isBefore(s) && r.isBefore(e)) {
                received++;
                online += f.channel().equals("ONLINE") ? 1 : 0;
                direct += f.channel().equals("DIRECT") ? 1 : 0;
                postal += f.channel().equals("POSTAL") ? 1 : 0;
                digitized += f.digitized() ? 1 : 0;
                fee += f.feeRequired() ? 1 : 0;
                // domain.md: fee-bearing dossiers received in P paid online before e
                paid += f.feeRequired()
                                && f.paidOnlineAt() != null
                                && f.paidOnlineAt().isBefore(e)
                        ? 1
                        : 0;
            }
            if (t != null && !t.isBefore(s) && t.isBefore(e)) {
                switch (f.classification()) {
                    case "EARLY" -> early++;
                    case "ON_TIME" -> onTime++;
                    default -> late++;
                }
            }
            if (r.isBefore(e) && (t == null || !t.isBefore(e))) {
                if (f.overdueSince() != null && f.overdueSince().isBefore(e)) {
                    overdue++;
                } else {
                    within++;
                }
            }
        }
        return new PeriodCounts(
                carried,
                received,
                online,
                direct,
                postal,
                early,
                onTime,
                late,
                within,
                overdue,
                digitized,
                fee,
                paid,
                electronic,
                dissatisfied,
                digitizedToProcess);
    }

    private static DossierFact randomFact(Random random, int i) {
        String unit = random.nextBoolean() ? "P.1" : "P.2";
        Instant received = ORIGIN.plus(random.nextInt(120 * 24 * 60), ChronoUnit.MINUTES);
        Instant due = received.plus(1 + random.nextInt(20 * 24 * 60), ChronoUnit.MINUTES);
        Instant now = TODAY.plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1);
        if (received.isAfter(now)) {
            received = now.minusSeconds(3600);
        }
        Instant ended = random.nextInt(4) == 0 ? null : received.plus(random.nextInt(25 * 24 * 60), ChronoUnit.MINUTES);
        if (ended != null && ended.isAfter(now)) {
            ended = null;
        }
        Instant judged = ended != null ? ended : now;
        Instant overdueSince = judged.isAfter(due) ? due : null;
        String classification = null;
        if (ended != null) {
            classification = ended.isAfter(due)
                    ? "LATE"
                    : LocalDate.ofInstant(ended, ZONE).isBefore(LocalDate.ofInstant(due, ZONE)) ? "EARLY" : "ON_TIME";
        }
        String[] channels = {"ONLINE", "DIRECT", "POSTAL"};
        boolean fee = random.nextBoolean();
        return new DossierFact(
                "D" + i,
                1,
                received,
                unit,
                List.of("P", unit),
                channels[random.nextInt(3)],
                random.nextInt(20) == 0 ? "REFUSED" : ended == null ? "OPEN" : "RESOLVED",
                received,
                overdueSince,
                ended,
                classification,
                random.nextBoolean(),
                fee,
                fee && random.nextBoolean() ? received.plusSeconds(60) : null);
    }
}
