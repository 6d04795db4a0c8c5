package vn.dossierstats.dossier.reorganisation;

import java.time.LocalDate;
import java.util.List;

/**
 * Units merged into successors from a date ({@code POST /api/v1/reorganisations}): every unit of a merge's
 * {@code from} other than its {@code into} ends the day before {@code effective}.
 */
public record Reorganisation(LocalDate effective, List<Merge> merges) {

    public record Merge(String into, List<String> from) {}

    public Reorganisation {
        merges = List.copyOf(merges);
    }
}
