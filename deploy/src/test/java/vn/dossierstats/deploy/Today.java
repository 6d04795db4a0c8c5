package vn.dossierstats.deploy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.awaitility.Awaitility;

/**
 * The moments of a test's events on the running local day in Vietnam, the day the statistics count them in. A test
 * asks for "two hours ago" or "in three seconds"; but at 01:00 two hours ago is yesterday (maybe another month and
 * year), at 23:59:59 three seconds on is tomorrow. So the offsets asked for are kept when the day allows them, else
 * scaled down into the part of the day gone (or left), which keeps their order and proportions: every moment is on
 * the running day, and one asked in the past is in the past.
 */
final class Today {

    static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The least of the day gone and left: events scaled into less would be too close to keep apart. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    private final Instant now;
    private final LocalDate date;
    private final Duration past;
    private final Duration ahead;
    private final double pastScale;
    private final double aheadScale;

    private Today(Instant now, Duration past, Duration ahead) {
        this.now = now;
        this.date = LocalDate.ofInstant(now, LOCAL);
        this.past = past;
        this.ahead = ahead;
        Duration gone = Duration.between(date.atStartOfDay(LOCAL).toInstant(), now);
        Duration left =
                Duration.between(now, date.plusDays(1).atStartOfDay(LOCAL).toInstant());
        // a second's slack on each side keeps the furthest moments off midnight itself
        this.pastScale = scale(gone.minusSeconds(1), past);
        this.aheadScale = scale(left.minusSeconds(1), ahead);
    }

    /**
     * Moments up to {@code past} back and {@code ahead} on from now, on today's local date. In the first or the last
     * ten seconds of a day, first waits (polling the clock) until they are over.
     */
    static Today spanning(Duration past, Duration ahead) {
        // the clock the platform's processes read too (deploy/at-instant moves it for all of them)
        return spanning(Clock.systemUTC(), past, ahead);
    }

    static Today spanning(Clock clock, Duration past, Duration ahead) {
        Instant now = Awaitility.await()
                .atMost(MARGIN.multipliedBy(3))
                .pollInterval(Duration.ofMillis(100))
                .until(clock::instant, Today::clearOfMidnight);
        return new Today(now, past, ahead);
    }

    private static boolean clearOfMidnight(Instant instant) {
        LocalDate date = LocalDate.ofInstant(instant, LOCAL);
        return !instant.isBefore(date.atStartOfDay(LOCAL).toInstant().plus(MARGIN))
                && instant.isBefore(
                        date.plusDays(1).atStartOfDay(LOCAL).toInstant().minus(MARGIN));
    }

    private static double scale(Duration room, Duration asked) {
        return asked.isZero() ? 1 : Math.min(1, (double) room.toMillis() / asked.toMillis());
    }

    /** When these moments were taken: "now" for the test. */
    Instant now() {
        return now;
    }

    /** {@code offset} before now, or that share of the day gone. */
    Instant ago(Duration offset) {
        if (offset.compareTo(past) > 0) {
            throw new IllegalArgumentException(offset + " is further back than the " + past + " asked for");
        }
        return now.minusMillis(Math.round(offset.toMillis() * pastScale)).truncatedTo(ChronoUnit.MILLIS);
    }

    Instant ago(long seconds) {
        return ago(Duration.ofSeconds(seconds));
    }

    /** {@code offset} after now, or that share of the day left. */
    Instant later(Duration offset) {
        if (offset.compareTo(ahead) > 0) {
            throw new IllegalArgumentException(offset + " is further on than the " + ahead + " asked for");
        }
        return now.plusMillis(Math.round(offset.toMillis() * aheadScale)).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The month of these moments, as the API names it. */
    String month() {
        return YearMonth.from(date).toString();
    }
}
