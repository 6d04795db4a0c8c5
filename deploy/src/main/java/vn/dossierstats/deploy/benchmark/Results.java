package vn.dossierstats.deploy.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's table: one row per figure, with its target and whether the run met it. */
final class Results {

    /** One measured figure. {@code met} is null where there is no target. */
    record Row(String measure, String value, String target, Boolean met) {}

    private final List<Row> rows = new ArrayList<>();
    private final List<String> context = new ArrayList<>();

    void add(String measure, String value) {
        rows.add(new Row(measure, value, "", null));
    }

    void add(String measure, String value, String target, boolean met) {
        rows.add(new Row(measure, value, target, met));
    }

    /** A line about the machine, versions or command, printed above the table. */
    void context(String line) {
        context.add(line);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String markdown() {
        StringBuilder text = new StringBuilder();
        context.forEach(line -> text.append("- ").append(line).append('\n'));
        text.append("\n| measure | value | target | met |\n|---|---|---|---|\n");
        for (Row row : rows) {
            text.append("| ")
                    .append(row.measure())
                    .append(" | ")
                    .append(row.value())
                    .append(" | ")
                    .append(row.target())
                    .append(" | ")
                    .append(row.met() == null ? "" : row.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        return text.toString();
    }

    /**
     * Replaces the block of this size between its markers in {@code file} (appending it when absent), so that the
     * analysis written around the figures stays.
     */
    void writeInto(Path file, String size) throws IOException {
        String begin = "<!-- benchmark " + size + " begin -->";
        String end = "<!-- benchmark " + size + " end -->";
        String block = begin + "\n" + markdown() + end;
        String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + block + text.substring(to + end.length());
        } else {
            text = text.stripTrailing() + "\n\n## Run at size " + size + "\n\n" + block + "\n";
        }
        Files.writeString(file, text);
    }
}
