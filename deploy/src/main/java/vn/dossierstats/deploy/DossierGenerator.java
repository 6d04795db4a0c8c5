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

    public DossierGenerator(Random random) {
        this.random = random;
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
        double onlineShare = 0.3 + (Math.abs(province.hashCode() * 17L) % 50) / 100.0;
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        boolean open = random.nextInt(5) == 0;
        boolean late = random.nextDouble() > onTimeProbability;
        double elapsed = open
                ? random.nextDouble() * 1.2
                : late ? 1.05 + random.nextDouble() * 0.5 : 0.1 + random.nextDouble() * 0.85;
        Instant received = end.minusSeconds((long) (span.toSeconds() * elapsed));
        Instant due = received.plus(span);
        String channel = random.nextDouble() < onlineShare ? "ONLINE" : random.nextInt(10) == 0 ? "POSTAL" : "DIRECT";
        String id = unit + "-" + SEQUENCE.incrementAndGet();
        List<String> events = new ArrayList<>(2);
        events.add(received(id, unit, procedure, channel, received, due));
        if (!open) {
            events.add("{\"eventId\":\"sim-" + id + "-e\",\"type\":\"RESOLVED\",\"dossierId\":\"" + id
                    + "\",\"occurredAt\":\"" + local(end) + "\",\"result\":\"APPROVED\"}");
        }
        return events;
    }

    /** A new dossier's RECEIVED, dated {@code at}, in {@code unit}: counted in the running period's new dossiers. */
    public String receipt(String unit, Instant at) {
        Procedure procedure = TrafficSimulator.PROCEDURES.get(random.nextInt(TrafficSimulator.PROCEDURES.size()));
        Instant received = at.truncatedTo(ChronoUnit.SECONDS);
        Duration span = Duration.ofHours(Math.round(procedure.workingDays() * 8 * 1.4) + 1);
        return received(
                unit + "-" + SEQUENCE.incrementAndGet(), unit, procedure, "ONLINE", received, received.plus(span));
    }

    private String received(String id, String unit, Procedure procedure, String channel, Instant at, Instant due) {
        return "{\"eventId\":\"sim-" + id + "-r\",\"type\":\"RECEIVED\",\"dossierId\":\"" + id
                + "\",\"occurredAt\":\"" + local(at) + "\",\"unitCode\":\"" + unit + "\",\"procedureCode\":\""
                + procedure.code() + "\",\"channel\":\"" + channel + "\",\"dueAt\":\"" + local(due)
                + "\",\"digitized\":" + (random.nextInt(10) < 8) + ",\"feeRequired\":" + (random.nextInt(3) == 0)
                + "}";
    }

    private static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, LOCAL).toString();
    }
}
