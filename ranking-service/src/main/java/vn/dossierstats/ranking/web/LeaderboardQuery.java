package vn.dossierstats.ranking.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.leaderboard.Indicator;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.leaderboard.LeaderboardBook;
import vn.dossierstats.ranking.leaderboard.LeaderboardKey;
import vn.dossierstats.unitstats.Boundaries;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;

/** Turns the query parameters of the leaderboard endpoints into a key, or a problem naming the parameter. */
@Component
class LeaderboardQuery {

    /** As metrics-service's first year: no statistic, so no leaderboard, is older (year 0 is not a period). */
    static final int FIRST_YEAR = 2000;

    static final List<String> LEVELS = List.of("PROVINCE", "COMMUNE", "DEPARTMENT", "MINISTRY", "DISTRICT");

    private final LeaderboardBook book;
    private final ZoneId zone;
    private final int limitMax;
    private final Clock clock;

    LeaderboardQuery(LeaderboardBook book, RankingProperties properties, Clock clock) {
        this.book = book;
        this.limitMax = properties.limitMax();
        this.zone = properties.timeZone();
        this.clock = clock;
    }

    LeaderboardKey key(String level, String period, String indicator, String parent) {
        String parsedLevel = blank(level) ? "PROVINCE" : level;
        if (!LEVELS.contains(parsedLevel)) {
            throw ApiProblem.invalid("level", "must be one of " + String.join(", ", LEVELS));
        }
        Period parsedPeriod = period(period);
        Indicator parsedIndicator = indicator(indicator);
        String parentCode = blank(parent) ? null : parent;
        if (parentCode != null && book.unit(parentCode).isEmpty()) {
            throw ApiProblem.notFound("parent", "unknown unit " + parentCode);
        }
        return new LeaderboardKey(parsedLevel, parentCode, parsedPeriod, parsedIndicator);
    }

    Boundaries boundaries(String text) {
        return Boundaries.parse(text)
                .orElseThrow(() -> ApiProblem.invalid(
                        "boundaries",
                        "must be period (units as they were at the period's end) or current (today's units)"));
    }

    /** The leaderboard of {@code key} on today's map. */
    Leaderboard onTodaysMap(LeaderboardKey key) {
        return book.onTodaysMap(key, LocalDate.ofInstant(clock.instant(), zone));
    }

    Integer limit(String text) {
        if (text == null) {
            return null;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= limitMax) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalid("limit", "must be an integer from 1 to " + limitMax);
    }

    /**
     * The instant of an {@code asOf} parameter: ISO-8601 with an offset ({@code 2026-07-01T00:00:00+07:00} or
     * {@code ...Z}), not after now. A {@code +} sent unencoded arrives as a space: taken back as the {@code +} it was.
     */
    Optional<Instant> asOf(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(
                    "asOf", "must be an instant with an offset, e.g. 2026-07-01T00:00:00+07:00: " + text);
        }
        if (instant.isAfter(clock.instant())) {
            throw ApiProblem.invalid("asOf", "is in the future: only past leaderboards are stored");
        }
        return Optional.of(instant);
    }

    private Period period(String text) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (blank(text)) {
            return Period.of(Granularity.MONTH, today);
        }
        Period period = Period.parse(text)
                .orElseThrow(() -> ApiProblem.invalid(
                        "period", "must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD, a real date: " + text));
        if (period.start().isAfter(today)) {
            throw ApiProblem.invalid("period", "starts after now: a future period has no leaderboard");
        }
        if (period.start().getYear() < FIRST_YEAR) {
            throw ApiProblem.invalid("period", "must not be before the year " + FIRST_YEAR);
        }
        return period;
    }

    private static Indicator indicator(String text) {
        if (blank(text)) {
            return Indicator.ON_TIME_RATE;
        }
        try {
            return Indicator.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(
                    "indicator",
                    "must be one of "
                            + Arrays.stream(Indicator.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
