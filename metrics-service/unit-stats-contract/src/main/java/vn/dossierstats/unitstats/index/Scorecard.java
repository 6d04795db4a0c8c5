package vn.dossierstats.unitstats.index;

import java.util.List;

/**
 * A unit's national index for one period, in the shape of api.md ("The national index"): every group with its score,
 * its max and the max it could reach from the inputs we hold, and every sub-indicator with the numerator and
 * denominator it was computed from, so each number can be recomputed by hand.
 */
public record Scorecard(Total total, Groups groups, IndexInputs.ProcedureScope procedureScope) {

    public record Total(Double score, int max, int reachableMax) {}

    public record Groups(
            Group progress,
            Group onlineServices,
            Group onlinePayment,
            Group digitisation,
            Group satisfaction,
            Group transparency) {

        public Group of(IndexGroup group) {
            return switch (group) {
                case PROGRESS -> progress;
                case ONLINE_SERVICES -> onlineServices;
                case ONLINE_PAYMENT -> onlinePayment;
                case DIGITISATION -> digitisation;
                case SATISFACTION -> satisfaction;
                case TRANSPARENCY -> transparency;
            };
        }
    }

    /** A group: its score is null when none of its sub-indicators could be computed. */
    public record Group(Double score, int max, int reachableMax, List<Indicator> indicators) {}

    /**
     * A sub-indicator. An input we do not hold leaves numerator, denominator and score null and names what is
     * {@code missing}; an empty denominator leaves only the score null.
     */
    public record Indicator(String key, Long numerator, Long denominator, Double score, int max, String missing) {}
}
