package vn.dossierstats.unitstats.index;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the scorecard of Decision 766 from a unit's counts (domain.md, "The national index"). A group's score is the
 * exact sum of its sub-indicators' exact scores, rounded once half-up to 2 decimals; the total likewise over every
 * derivable sub-indicator (never the sum of rounded group scores).
 */
public final class NationalIndex {

    private NationalIndex() {}

    public static Scorecard of(IndexInputs in) {
        IndexInputs.ProcedureInputs p = in.procedures();
        Map<IndexGroup, List<Term>> terms = new EnumMap<>(IndexGroup.class);
        for (IndicatorKey key : IndicatorKey.values()) {
            Term term = key.missing() != null ? Term.missing(key, key.missing()) : derive(key, in, p);
            terms.computeIfAbsent(key.group(), g -> new ArrayList<>()).add(term);
        }
        Fraction total = Fraction.ZERO;
        int reachable = 0;
        Map<IndexGroup, Scorecard.Group> groups = new EnumMap<>(IndexGroup.class);
        for (IndexGroup group : IndexGroup.values()) {
            Fraction sum = Fraction.ZERO;
            int groupReachable = 0;
            List<Scorecard.Indicator> indicators = new ArrayList<>();
            for (Term term : terms.get(group)) {
                if (term.score != null) {
                    sum = sum.plus(term.score);
                    groupReachable += term.key.max();
                }
                indicators.add(term.toIndicator());
            }
            total = total.plus(sum);
            reachable += groupReachable;
            groups.put(
                    group,
                    new Scorecard.Group(
                            groupReachable == 0 ? null : rounded(sum),
                            group.max(),
                            groupReachable,
                            List.copyOf(indicators)));
        }
        return new Scorecard(
                new Scorecard.Total(reachable == 0 ? null : rounded(total), 100, reachable),
                new Scorecard.Groups(
                        groups.get(IndexGroup.PROGRESS),
                        groups.get(IndexGroup.ONLINE_SERVICES),
                        groups.get(IndexGroup.ONLINE_PAYMENT),
                        groups.get(IndexGroup.DIGITISATION),
                        groups.get(IndexGroup.SATISFACTION),
                        groups.get(IndexGroup.TRANSPARENCY)),
                p == null ? null : p.scope());
    }

    /** Inputs the catalogue and events give, but that are not counted (yet) for this figure. */
    static final String NO_PROCEDURES = "procedure catalogue counts (onlineLevel, feeCharging, procedures in scope)";

    static final String NO_ELECTRONIC_RESULTS = "dossiers ended with an electronic result";
    static final String NO_DIGITISED_STOCK = "digitised dossiers among totalToProcess";
    static final String NO_RATINGS = "dossiers whose latest rating is DISSATISFIED";

    private static Term derive(IndicatorKey key, IndexInputs in, IndexInputs.ProcedureInputs p) {
        return switch (key) {
            case HANDLED_ON_TIME -> Term.linear(key, in.handledOnTime(), in.totalToProcess());
            case OFFERED_ONLINE ->
                p == null
                        ? Term.missing(key, NO_PROCEDURES)
                        : new Term(
                                key,
                                p.offeredOnline(),
                                p.inScope(),
                                IndexFormulas.offeredOnline(p.offeredOnline(), p.inScope()),
                                null);
            case ONLINE_SERVICES_USED ->
                p == null ? Term.missing(key, NO_PROCEDURES) : Term.linear(key, p.onlinePairsUsed(), p.onlinePairs());
            case DOSSIERS_ONLINE ->
                new Term(
                        key,
                        in.online(),
                        in.receivedNew(),
                        IndexFormulas.dossiersOnline(in.online(), in.receivedNew()),
                        null);
            case DOSSIERS_PAID_ONLINE -> Term.linear(key, in.feeBearingPaidOnline(), in.feeBearingReceived());
            case PROCEDURES_PAID_ONLINE ->
                p == null
                        ? Term.missing(key, NO_PROCEDURES)
                        : Term.capped(key, p.feeChargingPaidOnline(), p.feeCharging());
            case FEE_PROCEDURES_USED ->
                p == null ? Term.missing(key, NO_PROCEDURES) : Term.capped(key, p.feeChargingUsed(), p.feeCharging());
            case ELECTRONIC_RESULT ->
                in.electronicResult() == null
                        ? Term.missing(key, NO_ELECTRONIC_RESULTS)
                        : Term.linear(key, in.electronicResult(), in.totalToProcess());
            case DOSSIER_DIGITISED ->
                in.digitised() == null
                        ? Term.missing(key, NO_DIGITISED_STOCK)
                        : Term.linear(key, in.digitised(), in.totalToProcess());
            case RECEIVING_AND_RESOLVING -> {
                if (in.dissatisfied() == null) {
                    yield Term.missing(key, NO_RATINGS);
                }
                long s = Math.max(0, in.handledOnTime() - in.dissatisfied());
                yield new Term(
                        key, s, in.totalToProcess(), IndexFormulas.receivingAndResolving(s, in.totalToProcess()), null);
            }
            default -> throw new IllegalStateException("no formula for " + key);
        };
    }

    private static Double rounded(Fraction exact) {
        return exact.toScore().doubleValue();
    }

    private record Term(IndicatorKey key, Long numerator, Long denominator, Fraction score, String missing) {

        static Term missing(IndicatorKey key, String missing) {
            return new Term(key, null, null, null, missing);
        }

        static Term linear(IndicatorKey key, long numerator, long denominator) {
            return new Term(key, numerator, denominator, IndexFormulas.linear(key.max(), numerator, denominator), null);
        }

        static Term capped(IndicatorKey key, long numerator, long denominator) {
            return new Term(
                    key,
                    numerator,
                    denominator,
                    IndexFormulas.twoAndAHalfTimesCappedAtTwo(numerator, denominator),
                    null);
        }

        Scorecard.Indicator toIndicator() {
            return new Scorecard.Indicator(
                    key.name(), numerator, denominator, score == null ? null : rounded(score), key.max(), missing);
        }
    }
}
