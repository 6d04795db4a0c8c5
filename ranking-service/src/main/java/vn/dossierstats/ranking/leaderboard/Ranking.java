package vn.dossierstats.ranking.leaderboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The ranking rules: units under the minimum volume are unranked, not ranked first with 3 of 3; the rest by their
 * published (rounded) value, highest first, equal published values sharing a rank (1, 2, 2, 4), ordered within a tie
 * by larger volume, then unit code.
 */
public final class Ranking {

    /** One unit to rank; {@code value} is null when the volume is 0. */
    public record Candidate(String unitCode, String unitName, BigDecimal value, long volume) {}

    /** The ranked entries and the unranked units, each list in its published order. */
    public record Result(List<Leaderboard.Entry> entries, List<Leaderboard.Unranked> unranked) {}

    private static final Comparator<Candidate> ORDER = Comparator.comparing(Candidate::value, Comparator.reverseOrder())
            .thenComparing(Candidate::volume, Comparator.reverseOrder())
            .thenComparing(Candidate::unitCode);

    private Ranking() {}

    /** @param previousRanks ranks in the previous period's leaderboard, by unit code */
    public static Result rank(List<Candidate> candidates, long minVolume, Map<String, Integer> previousRanks) {
        List<Candidate> ranked = new ArrayList<>();
        List<Leaderboard.Unranked> unranked = new ArrayList<>();
        for (Candidate candidate : candidates) {
            // a null value (volume 0) cannot be ranked even with a minimum volume of 0
            if (candidate.value() == null || candidate.volume() < minVolume) {
                unranked.add(new Leaderboard.Unranked(
                        candidate.unitCode(),
                        candidate.unitName(),
                        asDouble(candidate.value()),
                        candidate.volume(),
                        Leaderboard.INSUFFICIENT_VOLUME));
            } else {
                ranked.add(candidate);
            }
        }
        ranked.sort(ORDER);
        unranked.sort(Comparator.comparing(Leaderboard.Unranked::unitCode));
        List<Leaderboard.Entry> entries = new ArrayList<>(ranked.size());
        int rank = 0;
        BigDecimal rankedValue = null;
        for (int i = 0; i < ranked.size(); i++) {
            Candidate c = ranked.get(i);
            if (rankedValue == null || c.value().compareTo(rankedValue) != 0) {
                rank = i + 1;
                rankedValue = c.value();
            }
            Integer previousRank = previousRanks.get(c.unitCode());
            entries.add(new Leaderboard.Entry(
                    rank,
                    c.unitCode(),
                    c.unitName(),
                    asDouble(c.value()),
                    c.volume(),
                    previousRank,
                    previousRank == null ? null : previousRank - rank));
        }
        return new Result(List.copyOf(entries), List.copyOf(unranked));
    }

    private static Double asDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
