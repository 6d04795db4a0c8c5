package vn.dossierstats.deploy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import vn.dossierstats.deploy.TrafficSimulator.Procedure;

/**
 * Realistic dossiers of the simulated catalogue as ingest events: a RECEIVED in the past with its appointment and,
 * for four in five, a RESOLVED at the given instant, early, on time or late with probabilities that differ by
 * province and domain (land is slower). Nothing is dated after the given instant.
 *
 * <p>The national index's fields with the shares of the seed articles: online, digitised and paid online shares per
 * province (the first commune of Hưng Yên, standing for Phù Cừ, at 99.9 % online, 95.9 % digitised, 90 % paid online),
 * a fee where the procedure charges one, an electronic result on most ends. With {@code payingAndRating}, a fee-bearing
 * dossier also has its PAID and a resolved one sometimes a RATED (a few DISSATISFIED); the benchmarks leave them out,
 * so that their load stays what it was.
 */
public final class DossierGenerator {

    /** The simulated communes and departments: three communes and one department per province. */
    public static final List<String> UNITS = TrafficSimulator.PROVINCES.stream()
            .flatMap(p -> List.of(p + ".C01", p + ".C02", p + ".C03", p + ".D01").stream())
            .toList();

    private static final ZoneOffset LOCAL = ZoneOffset.ofHours(7);

    private final Random random;
    /** Shared by every generator of this JVM: dossier ids and event ids never repeat. */
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000);

    private final boolean payingAndRating;

    public DossierGenerator(Random random) {
        this(random, false);
    }

    public DossierGenerator(Random random, boolean payingAndRating) {
        this.random = random;
        this.payingAndRating = payingAndRating;
    }

    /** The seed articles' shares: online, digitised, paid online among fee-bearing, electronic result. */
    record Shares(double online, double digitized, double paidOnline, double electronicResult) {

        static Shares of(String unit) {
            if (unit.equals("33.C01")) { // Phù Cừ (Hưng Yên)
                return new Shares(0.999, 0.959, 0.90, 0.85);
            }
            long h = Math.abs(unit.substring(0, unit.indexOf('.')).hashCode() * 17L);
            return new Shares(
                    0.55 + (h % 45) / 100.0, 0.6 + (h % 36) / 100.0, 0.5 + (h % 40) / 100.0, 0.6 + (h % 30) / 100.0);
        }
    }

    /** The events of one new dossier in a random unit, ended (if at all) at {@code now}. */
    public List<String> dossier(Instant now) {
        return dossier(UNITS.get(random.nextInt(UNITS.size())), now);
    }

    public List<String> dossier(String unit, Instant now) {
        String province = unit.contains(".") ? unit.substring(0, unit.indexOf('.')) : unit;
        Procedure procedure = TrafficSimulator.PROCEDURES.get(random.nextInt(TrafficSimulator.PROCEDURES.size()));
        Duration span = Duration.ofHours(Math.round(procedure.workingDays() * 8 * 1.4) + 1);
        double onTimeProbability =
                0.99 - (Math.abs(province.hashCode() * 31L) % 15) / 100.0 - procedure.onTimePenalty();
        Shares shares = Shares.of(unit);
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        boolean open = random.nextInt(5) == 0;
        boolean late = random.nextDouble() > onTimeProbability;
        double elapsed = open
                ? random.nextDouble() * 1.2
                : late ? 1.05 + random.nextDouble() * 0.5 : 0.1 + random.nextDouble() * 0.85;
        Instant received = end.minusSeconds((long) (span.toSeconds() * elapsed));
        Instant due = received.plus(span);
        String channel =
                random.nextDouble() < shares.online() ? "ONLINE" : random.nextInt(10) == 0 ? "POSTAL" : "DIRECT";
        String id = unit + "-" + SEQUENCE.incrementAndGet();
        List<String> events = new ArrayList<>(4);
        events.add(received(id, unit, procedure, channel, received, due, shares));
        if (payingAndRating && procedure.feeCharging()) {
            // paid within the first tenth of the time it took, before its end
            Instant paid = received.plusSeconds(
                    Math.max(1, Duration.between(received, end).toSeconds() / 10));
            events.add("{\"eventId\":\"sim-" + id + "-p\",\"type\":\"PAID\",\"dossierId\":\"" + id
                    + "\",\"occurredAt\":\"" + local(paid) + "\",\"paymentChannel\":\""
                    + (random.nextDouble() < shares.paidOnline() ? "ONLINE" : "OFFLINE") + "\"}");
        }
        if (!open) {
            events.add("{\"eventId\":\"sim-" + id + "-e\",\"type\":\"RESOLVED\",\"dossierId\":\"" + id
                    + "\",\"occurredAt\":\"" + local(end) + "\",\"result\":\"APPROVED\",\"electronicResult\":"
                    + (random.nextDouble() < shares.electronicResult()) + "}");
            if (payingAndRating && random.nextInt(4) == 0) {
                // a rating sent with the end: one in fifty of those who rate are dissatisfied
                int r = random.nextInt(50);
                String rating = r == 0 ? "DISSATISFIED" : r < 20 ? "SATISFIED" : "VERY_SATISFIED";
                events.add("{\"eventId\":\"sim-" + id + "-v\",\"type\":\"RATED\",\"dossierId\":\"" + id
                        + "\",\"occurredAt\":\"" + local(end) + "\",\"rating\":\"" + rating + "\"}");
            }
        }
        return events;
    }

    /** A new dossier's RECEIVED, dated {@code at}, in {@code unit}: counted in the running period's new dossiers. */
    public String receipt(String unit, Instant at) {
        Procedure procedure = TrafficSimulator.PROCEDURES.get(random.nextInt(TrafficSimulator.PROCEDURES.size()));
        Instant received = at.truncatedTo(ChronoUnit.SECONDS);
        Duration span = Duration.ofHours(Math.round(procedure.workingDays() * 8 * 1.4) + 1);
        return received(
                unit + "-" + SEQUENCE.incrementAndGet(),
                unit,
                procedure,
                "ONLINE",
                received,
                received.plus(span),
                Shares.of(unit));
    }

    private String received(
            String id, String unit, Procedure procedure, String channel, Instant at, Instant due, Shares shares) {
        return "{\"eventId\":\"sim-" + id + "-r\",\"type\":\"RECEIVED\",\"dossierId\":\"" + id
                + "\",\"occurredAt\":\"" + local(at) + "\",\"unitCode\":\"" + unit + "\",\"procedureCode\":\""
                + procedure.code() + "\",\"channel\":\"" + channel + "\",\"dueAt\":\"" + local(due)
                + "\",\"digitized\":" + (random.nextDouble() < shares.digitized()) + ",\"feeRequired\":"
                + procedure.feeCharging() + "}";
    }

    private static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, LOCAL).toString();
    }
}
