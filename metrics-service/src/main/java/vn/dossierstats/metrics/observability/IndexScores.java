package vn.dossierstats.metrics.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.dossierstats.unitstats.index.IndexGroup;
import vn.dossierstats.unitstats.index.Scorecard;

/** A scorecard as gauge values by the {@code group} label: {@code total} and each group that has a score. */
final class IndexScores {

    private IndexScores() {}

    static Map<String, Double> of(Scorecard card) {
        Map<String, Double> scores = new LinkedHashMap<>();
        if (card.total().score() != null) {
            scores.put("total", card.total().score());
        }
        for (IndexGroup group : IndexGroup.values()) {
            Double score = card.groups().of(group).score();
            if (score != null) {
                scores.put(group.key(), score);
            }
        }
        return scores;
    }
}
