package vn.dossierstats.dossier.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Trước hạn / đúng hạn / trễ hạn. */
public enum Classification {
    EARLY,
    ON_TIME,
    LATE;

    /** LATE after the due instant; EARLY on a local day before the due day; ON_TIME otherwise. */
    public static Classification of(Instant end, Instant due, ZoneId zone) {
        if (end.isAfter(due)) {
            return LATE;
        }
        return LocalDate.ofInstant(end, zone).isBefore(LocalDate.ofInstant(due, zone)) ? EARLY : ON_TIME;
    }
}
