package vn.dossierstats.metrics.report;

/**
 * The national index's counts of a unit with its descendants in a period, beside the report's (domain.md, "The national
 * index"), from the same buckets.
 *
 * @param electronicResult dossiers ended in the period with an electronic result
 * @param dissatisfied dossiers of totalToProcess whose latest rating before the period's end is DISSATISFIED (a rating
 *     follows the end, so these are dossiers ended in the period)
 * @param digitizedToProcess dossiers of totalToProcess received digitised: carried over open and digitised, plus those
 *     received digitised in the period
 */
public record IndexCounts(long electronicResult, long dissatisfied, long digitizedToProcess) {}
