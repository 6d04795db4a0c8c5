package vn.dossierstats.dossier.reorganisation;

import java.time.LocalDate;
import java.util.List;

/**
 * What a valid reorganisation changes in the catalogue.
 *
 * @param ended the units that end the day before {@code effective}, each with its successor
 * @param started the new units that start on {@code effective}
 * @param moved the children of ended units, each moving to the successor of its parent from {@code effective}
 */
public record ReorganisationPlan(LocalDate effective, List<Ended> ended, List<String> started, List<Moved> moved) {

    public record Ended(String code, String successor) {}

    public record Moved(String code, String from, String to) {}

    public ReorganisationPlan {
        ended = List.copyOf(ended);
        started = List.copyOf(started);
        moved = List.copyOf(moved);
    }
}
