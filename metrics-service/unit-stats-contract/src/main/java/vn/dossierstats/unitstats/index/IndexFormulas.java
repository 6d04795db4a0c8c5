package vn.dossierstats.unitstats.index;

/**
 * The sub-indicator formulas of Decision 766 as DVCQG applies them (domain.md, "The national index"), each from the
 * exact fraction numerator / denominator to an exact score, or null when the denominator is 0 (the points then leave
 * the reachable maximum). Caps are written as {@code min}: a share at or above the threshold takes full marks.
 */
final class IndexFormulas {

    private static final Fraction FIVE_HALVES = Fraction.of(5, 2);

    private IndexFormulas() {}

    /** points × n / d: linear to 100 % (handled on time, online services used, paid online, electronic result, digitised). */
    static Fraction linear(int points, long numerator, long denominator) {
        return denominator == 0 ? null : Fraction.whole(points).times(Fraction.of(numerator, denominator));
    }

    /** min(points, points × share / threshold): full marks from the threshold on (offered online, dossiers online, reuse, S). */
    static Fraction fullFrom(int points, Fraction threshold, long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        Fraction share = Fraction.of(numerator, denominator);
        Fraction perThreshold = new Fraction(threshold.denominator(), threshold.numerator());
        return Fraction.whole(points).times(share).times(perThreshold).atMost(Fraction.whole(points));
    }

    /** min(2, 2.5 × n / d): the procedure-based payment indicators (full marks from 80 %). */
    static Fraction twoAndAHalfTimesCappedAtTwo(long numerator, long denominator) {
        return denominator == 0
                ? null
                : FIVE_HALVES.times(Fraction.of(numerator, denominator)).atMost(Fraction.whole(2));
    }

    /** Offered online: min(2, 2·A/0.8). */
    static Fraction offeredOnline(long offered, long inScope) {
        return fullFrom(2, Fraction.of(4, 5), offered, inScope);
    }

    /** Dossiers online: min(6, 6·C/0.5). */
    static Fraction dossiersOnline(long online, long receivedNew) {
        return fullFrom(6, Fraction.of(1, 2), online, receivedNew);
    }

    /** Data reuse: min(2, 2·R/0.8). */
    static Fraction dataReuse(long reusing, long totalToProcess) {
        return fullFrom(2, Fraction.of(4, 5), reusing, totalToProcess);
    }

    /** Receiving and resolving: 6 if S ≥ 0.9, else 6·S/0.9; S never below 0 (more dislikes than dossiers handled well). */
    static Fraction receivingAndResolving(long handledWellLessDissatisfied, long totalToProcess) {
        return fullFrom(6, Fraction.of(9, 10), Math.max(0, handledWellLessDissatisfied), totalToProcess);
    }
}
