package vn.dossierstats.dossier.drillthrough;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A figure of the period report (domain.md, "The period report") and the dossiers behind it, stated on each dossier's
 * last fact (docs/events.md: receivedAt, endedAt, classification, overdueSince, status) exactly as metrics-service
 * counts it, for the unit with its descendants and the period [s, e), e being "now" for the running period. A REFUSED
 * dossier is behind no figure. The predicates read the columns {@code received}, {@code ended}, {@code due},
 * {@code overdue_since}, {@code classification}, {@code channel}, {@code status} and the parameters {@code :s},
 * {@code :e}; the order is the most telling first (the longest overdue, the latest late).
 */
enum Figure {
    CARRIED_OVER("carriedOver", "received < :s and (ended is null or ended >= :s)", "received"),
    RECEIVED_NEW("receivedNew", "received >= :s and received < :e", "received"),
    ONLINE("online", "received >= :s and received < :e and channel = 'ONLINE'", "received"),
    DIRECT("direct", "received >= :s and received < :e and channel = 'DIRECT'", "received"),
    POSTAL("postal", "received >= :s and received < :e and channel = 'POSTAL'", "received"),
    TOTAL_TO_PROCESS("totalToProcess", "received < :e and (ended is null or ended >= :s)", "received"),
    ENDED("ended", "ended >= :s and ended < :e", "ended"),
    EARLY("early", "ended >= :s and ended < :e and classification = 'EARLY'", "ended"),
    ON_TIME("onTime", "ended >= :s and ended < :e and classification = 'ON_TIME'", "ended"),
    LATE("late", "ended >= :s and ended < :e and classification = 'LATE'", "ended - due desc"),
    IN_PROGRESS("inProgress", "received < :e and (ended is null or ended >= :e)", "due"),
    WITHIN_DEADLINE(
            "withinDeadline",
            "received < :e and (ended is null or ended >= :e) and (overdue_since is null or overdue_since >= :e)",
            "due"),
    OVERDUE("overdue", "received < :e and (ended is null or ended >= :e) and overdue_since < :e", "overdue_since"),
    /** In progress at e and waiting for a supplement now: the dossier's current status, so for the running period. */
    WAITING_SUPPLEMENT(
            "waitingSupplement",
            "received < :e and (ended is null or ended >= :e) and status = 'WAITING_SUPPLEMENT'",
            "received");

    private final String key;
    private final String predicate;
    private final String order;

    Figure(String key, String predicate, String order) {
        this.key = key;
        this.predicate = predicate;
        this.order = order;
    }

    String key() {
        return key;
    }

    String predicate() {
        return predicate;
    }

    String order() {
        return order;
    }

    static Optional<Figure> of(String key) {
        return Arrays.stream(values())
                .filter(figure -> figure.key.equalsIgnoreCase(key.strip())
                        || figure.name().equalsIgnoreCase(key.strip()))
                .findFirst();
    }

    static String names() {
        return Arrays.stream(values()).map(Figure::key).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return key.toLowerCase(Locale.ROOT);
    }
}
