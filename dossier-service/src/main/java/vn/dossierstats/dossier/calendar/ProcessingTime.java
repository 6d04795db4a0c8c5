package vn.dossierstats.dossier.calendar;

/** A procedure's statutory processing time, e.g. 3 working days. */
public record ProcessingTime(int value, Unit unit) {

    public enum Unit {
        WORKING_DAYS,
        WORKING_HOURS,
        CALENDAR_DAYS
    }

    public ProcessingTime {
        if (value <= 0) {
            throw new IllegalArgumentException("processing time must be positive");
        }
    }
}
