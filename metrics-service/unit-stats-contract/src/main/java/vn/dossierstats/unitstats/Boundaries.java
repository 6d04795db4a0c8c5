package vn.dossierstats.unitstats;

import java.util.Locale;
import java.util.Optional;

/**
 * Which map of units a figure is drawn on (api.md, Reorganisations): the units as they were at the period's end, or
 * today's units, each with everything its predecessors handled.
 */
public enum Boundaries {
    PERIOD,
    CURRENT;

    /** {@code period} or {@code current}; absent means {@link #PERIOD}. */
    public static Optional<Boundaries> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of(PERIOD);
        }
        return switch (text) {
            case "period" -> Optional.of(PERIOD);
            case "current" -> Optional.of(CURRENT);
            default -> Optional.empty();
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
