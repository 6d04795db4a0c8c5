package vn.dossierstats.metrics.index;

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
import vn.dossierstats.metrics.report.Counts;
import vn.dossierstats.metrics.report.ReportCalculator;
import vn.dossierstats.metrics.stream.Contributions;
import vn.dossierstats.metrics.stream.DossierFact;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.index.IndexInputs;
import vn.dossierstats.unitstats.index.NationalIndex;

/**
 * The live index (contributions into buckets, prefix sums, formulas) against the index's inputs counted with plain loops
 * over the facts by domain.md's definitions, for every unit and period; a parent's scorecard comes from the counts of
 * its subtree (the children's counts summed), never from its children's scores.
 */
class IndexOracleTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant ORIGIN =
            LocalDate.of(2025, 11, 1).atStartOfDay(ZONE).toInstant();
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final String[] RATINGS = {"VERY_SATISFIED", "SATISFIED", "DISSATISFIED"};

    @Property(tries = 30)
    void theLiveIndexIsTheIndexOfTheCountsOfTheSubtree(
            @ForAll @IntRange(min = 1, max = 200) int dossiers, @ForAll long seed) {
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

        for (Granularity granularity : Granularity.values()) {
            for (Period p = Period.of(granularity, LocalDate.of(2025, 11, 1));
                    !p.start().isAfter(TODAY);
                    p = p.next()) {
                LocalDate end = p.end().isAfter(TODAY) ? TODAY.plusDays(1) : p.end();
                Map<String, IndexInputs> live = new HashMap<>();
                for (String unit : List.of("P", "P.1", "P.2")) {
                    IndexInputs inputs = IndexInputs.of(calculator.counts(unit, p, end));
                    assertThat(inputs).as(unit + " " + p).isEqualTo(oracle(facts, unit, p, end));
                    assertThat(NationalIndex.of(inputs))
                            .as(unit + " " + p)
                            .isEqualTo(NationalIndex.of(oracle(facts, unit, p, end)));
                    live.put(unit, inputs);
                }
                assertThat(live.get("P")).as("P " + p).isEqualTo(sum(live.get("P.1"), live.get("P.2")));
            }
        }
    }

    /** The inputs counted by domain.md's words, over the facts of the unit's subtree. */
    private static IndexInputs oracle(List<DossierFact> facts, String unit, Period period, LocalDate endDay) {
        Instant s = period.start().atStartOfDay(ZONE).toInstant();
        Instant e = endDay.atStartOfDay(ZONE).toInstant();
        long total = 0, handled = 0, dissatisfied = 0, received = 0, online = 0, fee = 0, paid = 0;
        long electronic = 0, digitised = 0;
        for (DossierFact f : facts) {
            if (!f.unitPath().contains(unit) || f.refused()) {
                continue;
            }
            Instant r = f.receivedAt();
            Instant t = f.endedAt();
            boolean toProcess = r.isBefore(e) && (t == null || !t.isBefore(s));
            if (!toProcess) {
                continue;
            }
            total++;
            boolean endedInP = t != null && t.isBefore(e);
            if (endedInP && !f.classification().equals("LATE")) {
                handled++;
            }
            if (!endedInP && (f.overdueSince() == null || !f.overdueSince().isBefore(e))) {
                handled++;
            }
            DossierFact.Rated latest = null;
            for (DossierFact.Rated rated : f.ratings() == null ? List.<DossierFact.Rated>of() : f.ratings()) {
                if (rated.at().isBefore(e)) {
                    latest = rated;
                }
            }
            if (latest != null && latest.rating().equals("DISSATISFIED")) {
                dissatisfied++;
            }
            if (!r.isBefore(s)) {
                received++;
                online += f.channel().equals("ONLINE") ? 1 : 0;
                fee += f.feeRequired() ? 1 : 0;
                paid += f.feeRequired()
                                && f.paidOnlineAt() != null
                                && f.paidOnlineAt().isBefore(e)
                        ? 1
                        : 0;
            }
            if (endedInP && Boolean.TRUE.equals(f.electronicResult())) {
                electronic++;
            }
            digitised += f.digitized() ? 1 : 0;
        }
        return new IndexInputs(total, handled, dissatisfied, received, online, fee, paid, electronic, digitised, null);
    }

    private static IndexInputs sum(IndexInputs a, IndexInputs b) {
        return new IndexInputs(
                a.totalToProcess() + b.totalToProcess(),
                a.handledOnTime() + b.handledOnTime(),
                a.dissatisfied() + b.dissatisfied(),
                a.receivedNew() + b.receivedNew(),
                a.online() + b.online(),
                a.feeBearingReceived() + b.feeBearingReceived(),
                a.feeBearingPaidOnline() + b.feeBearingPaidOnline(),
                a.electronicResult() + b.electronicResult(),
                a.digitised() + b.digitised(),
                null);
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
        List<DossierFact.Rated> ratings = null;
        Boolean electronicResult = null;
        if (ended != null) {
            classification = ended.isAfter(due)
                    ? "LATE"
                    : LocalDate.ofInstant(ended, ZONE).isBefore(LocalDate.ofInstant(due, ZONE)) ? "EARLY" : "ON_TIME";
            electronicResult = random.nextInt(3) == 0 ? null : random.nextBoolean();
            // ratings follow the end, some across a day's, a month's or a year's end; one changes a first dislike
            ratings = new ArrayList<>();
            Instant at = ended;
            for (int k = random.nextInt(4); k > 0; k--) {
                at = at.plus(1 + random.nextInt(40 * 24 * 60), ChronoUnit.MINUTES);
                if (at.isAfter(now)) {
                    break;
                }
                ratings.add(new DossierFact.Rated(at, RATINGS[random.nextInt(RATINGS.length)]));
            }
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
                fee && random.nextBoolean() ? received.plusSeconds(60) : null,
                electronicResult,
                ratings);
    }
}
