package vn.dossierstats.ranking.csv;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The CSV columns of a leaderboard (api.md, README "Open data"): the board's own fields repeated on every row, then one
 * row per ranked entry in rank order and one per unranked unit (empty {@code rank}, its {@code reason}). Numbers are
 * written as the JSON writes them, so the CSV and the JSON give the same figure; null is an empty field.
 */
final class LeaderboardTable {

    static final List<String> BOARD = List.of("level", "parent", "period", "indicator", "asOf", "minVolume");
    static final List<String> UNIT =
            List.of("rank", "unitCode", "unitName", "value", "volume", "previousRank", "movement", "reason");
    static final List<String> COLUMNS = concat(BOARD, UNIT);

    private LeaderboardTable() {}

    static byte[] csv(JsonNode board) {
        List<List<String>> rows = new ArrayList<>();
        for (String list : List.of("entries", "unranked")) {
            for (JsonNode unit : board.path(list).values()) {
                List<String> row = new ArrayList<>(COLUMNS.size());
                BOARD.forEach(name -> row.add(text(board.path(name))));
                UNIT.forEach(name -> row.add(text(unit.path(name))));
                rows.add(row);
            }
        }
        return CsvWriter.write(COLUMNS, rows);
    }

    static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
