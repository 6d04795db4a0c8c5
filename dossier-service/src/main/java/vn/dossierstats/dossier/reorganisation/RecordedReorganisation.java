package vn.dossierstats.dossier.reorganisation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A reorganisation as recorded, with what it changed: the body of the answers of the reorganisation endpoints. */
public record RecordedReorganisation(
        long id,
        LocalDate effective,
        List<Reorganisation.Merge> merges,
        List<ReorganisationPlan.Ended> ended,
        List<String> started,
        List<ReorganisationPlan.Moved> moved,
        OffsetDateTime recordedAt) {}
