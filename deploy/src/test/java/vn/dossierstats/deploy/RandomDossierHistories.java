package vn.dossierstats.deploy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random valid dossier histories as ingest events (JSON), walked through the lifecycle of domain.md in occurredAt
 * order, with instants to the second and sometimes several at one instant: pauses and second supplement requests,
 * apologies, payments, ratings and every kind of end, or none.
 */
final class RandomDossierHistories {

    private static final ZoneOffset LOCAL = ZoneOffset.ofHours(7);
    private static final Map<String, List<String>> NEXT = Map.of(
            "OPEN",
            List.of(
                    "SUPPLEMENT_REQUESTED",
                    "DEADLINE_EXTENDED",
                    "PAID",
                    "RESOLVED",
                    "RESOLVED",
                    "RESULT_RETURNED",
                    "STOPPED",
                    "WITHDRAWN"),
            "WAITING_SUPPLEMENT",
            List.of("SUPPLEMENT_RECEIVED", "SUPPLEMENT_RECEIVED", "DEADLINE_EXTENDED", "PAID", "STOPPED", "WITHDRAWN"),
            "RESOLVED",
            List.of("RESULT_RETURNED", "PAID", "RATED"),
            "RESULT_RETURNED",
            List.of("PAID", "RATED"));

    private final Random random;
    private final Instant from;
    private final long spanSeconds;
    private final List<String> procedures;

    RandomDossierHistories(long seed, Instant from, long spanSeconds, List<String> procedures) {
        this.random = new Random(seed);
        this.from = from;
        this.spanSeconds = spanSeconds;
        this.procedures = procedures;
    }

    /** One history of {@code dossierId} in {@code unit}, its event ids prefixed by the dossier id. */
    List<String> next(String dossierId, String unit) {
        List<String> events = new ArrayList<>();
        Instant t = from.plusSeconds(random.nextLong(spanSeconds));
        boolean refused = random.nextInt(25) == 0;
        String procedure = procedures.get(random.nextInt(procedures.size()));
        String dueAt = random.nextBoolean()
                ? ",\"dueAt\":\"" + local(t.plusSeconds(3600 + random.nextLong(864_000))) + "\""
                : "";
        events.add(event(
                dossierId,
                0,
                refused ? "REFUSED" : "RECEIVED",
                t,
                ",\"unitCode\":\"" + unit
                        + "\",\"procedureCode\":\"" + procedure + "\",\"channel\":\""
                        + List.of("DIRECT", "ONLINE", "POSTAL").get(random.nextInt(3)) + "\",\"digitized\":"
                        + random.nextBoolean() + ",\"feeRequired\":" + random.nextBoolean() + dueAt));
        String state = refused ? "REFUSED" : "OPEN";
        int requests = 0;
        while (NEXT.containsKey(state) && random.nextInt(6) != 0) {
            List<String> allowed = new ArrayList<>(NEXT.get(state));
            if (requests == 2) {
                allowed.remove("SUPPLEMENT_REQUESTED");
            }
            String type = allowed.get(random.nextInt(allowed.size()));
            t = random.nextInt(8) == 0 ? t : t.plusSeconds(1 + random.nextLong(4L * 86_400));
            String extra =
                    switch (type) {
                        case "DEADLINE_EXTENDED" ->
                            ",\"newDueAt\":\"" + local(t.plusSeconds(86_400L * (1 + random.nextInt(9)))) + "\"";
                        case "PAID" -> ",\"paymentChannel\":\"" + (random.nextBoolean() ? "ONLINE" : "OFFLINE") + "\"";
                        case "RATED" ->
                            ",\"rating\":\""
                                    + List.of("VERY_SATISFIED", "SATISFIED", "DISSATISFIED")
                                            .get(random.nextInt(3)) + "\"";
                        default -> "";
                    };
            events.add(event(dossierId, events.size(), type, t, extra));
            state = switch (type) {
                case "SUPPLEMENT_REQUESTED" -> {
                    requests++;
                    yield "WAITING_SUPPLEMENT";
                }
                case "SUPPLEMENT_RECEIVED" -> "OPEN";
                case "RESOLVED", "RESULT_RETURNED", "STOPPED", "WITHDRAWN" -> type;
                default -> state;
            };
        }
        return events;
    }

    private static String event(String dossierId, int index, String type, Instant at, String extra) {
        return "{\"eventId\":\"%s-%02d\",\"type\":\"%s\",\"dossierId\":\"%s\",\"occurredAt\":\"%s\"%s}"
                .formatted(dossierId, index, type, dossierId, local(at), extra);
    }

    private static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, LOCAL).toString();
    }
}
