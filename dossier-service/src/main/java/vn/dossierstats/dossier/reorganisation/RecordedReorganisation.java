package vn.dossierstats.dossier.reorganisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A reorganisation as recorded, with what it changed: the body of the answers of the reorganisation endpoints. */
public record RecordedReorganisation(
        long id,
        LocalDate effective,
        List<Reorganisation.Merge> merges,
        List<ReorganisationPlan.Ended> ended,
        List<String> started,
        List<ReorganisationPlan.Moved> moved,
        Instant recordedAt) {}
