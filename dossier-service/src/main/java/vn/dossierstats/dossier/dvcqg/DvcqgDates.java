package vn.dossierstats.dossier.dvcqg;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * DVCQG's dates: {@code yyyyMMddHHmmss} in Vietnam's local time (the coordination system's format, OpenCPS and TD),
 * or ISO-8601 {@code yyyy-MM-ddTHH:mm:ss[.fff]} (the newer iGate-style API), local unless it carries an offset.
 * {@code ""} and {@code null} mean absent.
 */
final class DvcqgDates {

    private static final DateTimeFormatter COMPACT =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private DvcqgDates() {}

    /**
     * @return null when absent
     * @throws SnapshotFailure naming {@code field} when the value is not a date of either format
     */
    static Instant parse(String value, String field, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 14 && text.chars().allMatch(Character::isDigit)) {
                return LocalDateTime.parse(text, COMPACT).atZone(zone).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new SnapshotFailure(
                    field,
                    "is not a date: expected yyyyMMddHHmmss or yyyy-MM-ddTHH:mm:ss, got \"" + shorten(text) + "\"");
        }
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
