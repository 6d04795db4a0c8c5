package vn.dossierstats.deploy.chaos;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random valid dossier histories in March and April 2025 (periods long past, so every figure is final), instants to the
 * second, some exactly on a period's edge or on the due instant: a receipt with its appointment, at most one pause
 * (sometimes left open), and an end (resolved, withdrawn, stopped) once the pause is over, or none; after a resolution
 * sometimes the result's return, a payment, a rating. Kept simple on purpose, so that {@link ReportFold} can judge
 * them in a few lines.
 */
final class ChaosHistories {

    static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Instant FROM = LocalDate.of(2025, 3, 1).atStartOfDay(LOCAL).toInstant();
    static final Instant TO = LocalDate.of(2025, 5, 1).atStartOfDay(LOCAL).toInstant();
    private static final List<String> CHANNELS = List.of("DIRECT", "ONLINE", "POSTAL");

    private final Random random;
    private final String prefix;
    private final int sources;
    private int next;

    ChaosHistories(long seed, String prefix, int sources) {
        this.random = new Random(seed);
        this.prefix = prefix;
        this.sources = sources;
    }

    synchronized ChaosDossier next() {
        String id = prefix + "-" + next++;
        String unit = ChaosCatalogue.DEPARTMENTS.get(random.nextInt(ChaosCatalogue.DEPARTMENTS.size()));
        Instant received = instant();
        Instant due = random.nextInt(10) == 0
                ? localMidnightAfter(received)
                : received.plusSeconds(3_600 + random.nextLong(20L * 86_400));
        List<ChaosEvent> events = new ArrayList<>();
        events.add(new ChaosEvent(
                id + "-r",
                id,
                "RECEIVED",
                received,
                unit,
                CHANNELS.get(random.nextInt(CHANNELS.size())),
                due,
                random.nextBoolean()));
        Instant t = received;
        if (random.nextInt(5) == 0) {
            t = t.plusSeconds(1 + random.nextLong(3_600));
            events.add(event(id, "p", "PAID", t));
        }
        Duration paused = Duration.ZERO;
        if (random.nextInt(3) == 0) {
            Instant requested = t.plusSeconds(1 + random.nextLong(5L * 86_400));
            events.add(event(id, "s", "SUPPLEMENT_REQUESTED", requested));
            if (random.nextInt(5) == 0) {
                return new ChaosDossier(id, random.nextInt(sources), events); // still waiting
            }
            t = requested.plusSeconds(1 + random.nextLong(5L * 86_400));
            events.add(event(id, "b", "SUPPLEMENT_RECEIVED", t));
            paused = Duration.between(requested, t);
        }
        if (random.nextInt(4) == 0) {
            return new ChaosDossier(id, random.nextInt(sources), events); // still open
        }
        Instant effectiveDue = due.plus(paused);
        Instant end =
                switch (random.nextInt(8)) {
                    case 0 -> effectiveDue; // exactly on time
                    case 1 -> effectiveDue.plusSeconds(1); // a second late
                    default -> t.plusSeconds(1 + random.nextLong(25L * 86_400));
                };
        if (!end.isAfter(t)) {
            end = t.plusSeconds(1);
        }
        String type = List.of("RESOLVED", "RESOLVED", "RESOLVED", "RESOLVED", "WITHDRAWN", "STOPPED")
                .get(random.nextInt(6));
        events.add(event(id, "e", type, end));
        if (type.equals("RESOLVED")) {
            if (random.nextBoolean()) {
                events.add(event(id, "t", "RESULT_RETURNED", end.plusSeconds(1 + random.nextLong(86_400))));
            }
            if (random.nextInt(3) == 0) {
                events.add(event(id, "v", "RATED", end.plusSeconds(2 + random.nextLong(2 * 86_400))));
            }
        }
        return new ChaosDossier(id, random.nextInt(sources), events);
    }

    /** A receipt instant: mostly anywhere in the two months, sometimes exactly on the edge of a day or a month. */
    private Instant instant() {
        if (random.nextInt(20) == 0) {
            return List.of(FROM, LocalDate.of(2025, 4, 1).atStartOfDay(LOCAL).toInstant())
                    .get(random.nextInt(2));
        }
        if (random.nextInt(20) == 0) {
            // the last second of a day
            return LocalDate.of(2025, 3, 1 + random.nextInt(31))
                    .plusDays(1)
                    .atStartOfDay(LOCAL)
                    .toInstant()
                    .minusSeconds(1);
        }
        return FROM.plusSeconds(random.nextLong(Duration.between(FROM, TO).toSeconds()));
    }

    private Instant localMidnightAfter(Instant instant) {
        return LocalDate.ofInstant(instant, LOCAL)
                .plusDays(1 + random.nextInt(10))
                .atStartOfDay(LOCAL)
                .toInstant();
    }

    private static ChaosEvent event(String dossierId, String suffix, String type, Instant at) {
        return new ChaosEvent(dossierId + "-" + suffix, dossierId, type, at, null, null, null, false);
    }
}
