package vn.dossierstats.metrics.csv;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The CSV columns of a period report (api.md, README "Open data"): the JSON fields in their order, nested ones named
 * by their path ({@code received.new}). Numbers are written as the JSON writes them (a dot before the decimals, rates
 * in [0,1]), so that the CSV and the JSON give the same figure; an absent value ({@code null}) is an empty field.
 */
final class ReportTable {

    static final List<String> COLUMNS = List.of(
            "unitCode",
            "unitName",
            "level",
            "period",
            "from",
            "to",
            "asOf",
            "received.carriedOver",
            "received.new",
            "received.online",
            "received.direct",
            "received.postal",
            "received.totalToProcess",
            "ended.early",
            "ended.onTime",
            "ended.late",
            "ended.total",
            "inProgress.withinDeadline",
            "inProgress.overdue",
            "inProgress.total",
            "onTimeRate",
            "progressScore",
            "onlineShare",
            "digitizedShare",
            "paidOnlineShare");

    private ReportTable() {}

    /** One row per report: the report itself, the {@code children} of a children answer, the {@code points} of a series. */
    static byte[] csv(JsonNode answer) {
        List<List<String>> rows = new ArrayList<>();
        if (answer.has("children")) {
            answer.get("children").values().forEach(report -> rows.add(row(report)));
        } else if (answer.has("points")) {
            answer.get("points").values().forEach(report -> rows.add(row(report)));
        } else {
            rows.add(row(answer));
        }
        return CsvWriter.write(COLUMNS, rows);
    }

    static List<String> row(JsonNode report) {
        List<String> row = new ArrayList<>(COLUMNS.size());
        for (String column : COLUMNS) {
            JsonNode value = report;
            for (String name : column.split("\\.")) {
                value = value.path(name);
            }
            row.add(text(value));
        }
        return row;
    }

    static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
