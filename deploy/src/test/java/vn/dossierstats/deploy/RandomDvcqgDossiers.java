package vn.dossierstats.deploy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random dossier lives within what a DVCQG snapshot can say (receipt or refusal, supplement rounds, an end, the
 * return, a fee paid online), each told twice: as the events a source sends to {@code /api/v1/dossier-events}, and as
 * the successive snapshots a one-stop system pushes of it ({@code dvcqg.md}). Instants to the second; dates compact
 * or ISO, absent ones {@code ""} or {@code null}, the channel sometimes missing (in person), as the clients send them.
 */
final class RandomDvcqgDossiers {

    /** One dossier: its events (JSON) and its snapshots (JSON objects) in the order a source pushes them. */
    record Dossier(List<String> events, List<String> snapshots) {}

    private static final ZoneOffset LOCAL = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> CHANNELS = List.of("DIRECT", "ONLINE", "POSTAL");

    private final Random random;
    private final Instant from;
    private final long spanSeconds;
    private final List<String> procedures;

    RandomDvcqgDossiers(long seed, Instant from, long spanSeconds, List<String> procedures) {
        this.random = new Random(seed);
        this.from = from;
        this.spanSeconds = spanSeconds;
        this.procedures = procedures;
    }

    /**
     * One dossier, as events of {@code dossierId} in {@code unit} and as snapshots of {@code dossierCode} (whose prefix
     * is the DVCQG code of the snapshots' unit).
     */
    Dossier next(String dossierId, String unit, String dossierCode) {
        Story story = new Story(dossierId, dossierCode);
        Instant t = from.plusSeconds(random.nextLong(spanSeconds));
        int channel = random.nextInt(3);
        boolean digitized = random.nextBoolean();
        boolean paid = random.nextInt(3) == 0;
        boolean fee = paid || random.nextBoolean();
        Instant due = random.nextBoolean() ? null : t.plusSeconds(3600 + random.nextLong(15L * 86_400));
        String procedure = procedures.get(random.nextInt(procedures.size()));
        boolean compactDates = random.nextBoolean();
        String absent = random.nextBoolean() ? "" : null;

        ObjectNode state = JSON.createObjectNode();
        state.put("MaHoSo", dossierCode);
        state.put("MaTTHC", random.nextBoolean() ? procedure : procedure + ".000.00.00.H99");
        if (channel != 0 || random.nextBoolean()) {
            state.put("KenhThucHien", String.valueOf(channel + 1));
        }
        state.put("HoSoCoThanhPhanSoHoa", digitized ? "1" : "0");
        ArrayNode fees = state.putArray("DanhSachLePhi");
        fees.addObject().put("TenPhiLePhi", "Lệ phí").put("Gia", fee ? "50000" : "0");
        state.put("DuocThanhToanTrucTuyen", paid ? "1" : "0");
        for (String date : List.of("NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy", "NgayTra")) {
            state.put(date, absent);
        }
        ArrayNode rounds = state.putArray("DanhSachHoSoBoSung");
        Dates dates = new Dates(state, compactDates);

        dates.set("NgayNopHoSo", t.minusSeconds(600));
        if (random.nextInt(3) == 0) {
            story.push(state, 1); // submitted online, not yet accepted: no dossier yet
        }
        String receipt = ",\"unitCode\":\"" + unit + "\",\"procedureCode\":\"" + procedure + "\",\"channel\":\""
                + CHANNELS.get(channel) + "\",\"digitized\":" + digitized + ",\"feeRequired\":" + fee;
        if (random.nextInt(10) == 0) {
            story.event("REFUSED", t, receipt);
            dates.set("NgayTuChoi", t);
            story.push(state, 3);
            return story.dossier();
        }
        story.event("RECEIVED", t, receipt + (due == null ? "" : ",\"dueAt\":\"" + local(due) + "\""));
        if (paid) {
            story.event("PAID", t, ",\"paymentChannel\":\"ONLINE\"");
        }
        dates.set("NgayTiepNhan", t);
        dates.set("NgayHenTra", due);
        story.push(state, 2);

        int roundCount = random.nextInt(3);
        boolean waiting = false;
        for (int r = 0; r < roundCount; r++) {
            t = later(t);
            story.event("SUPPLEMENT_REQUESTED", t, "");
            ObjectNode round = rounds.addObject();
            round.put("HoSoBoSungId", String.valueOf(r + 1));
            new Dates(round, compactDates).set("NgayBoSung", t);
            round.put("NgayTiepNhanBoSung", absent);
            story.push(state, 5);
            if (r == roundCount - 1 && random.nextInt(3) == 0) {
                waiting = true;
                break;
            }
            t = later(t);
            story.event("SUPPLEMENT_RECEIVED", t, "");
            new Dates(round, compactDates).set("NgayTiepNhanBoSung", t);
            story.push(state, 4);
        }

        int end = random.nextInt(5);
        if (end == 0) {
            return story.dossier(); // still open, or waiting for the supplement
        }
        t = later(t);
        if (end == 1 && !waiting) {
            story.event("RESULT_RETURNED", t, ""); // status 10 with only NgayTra: the return ends processing
            dates.set("NgayTra", t);
            story.push(state, 10);
            return story.dossier();
        }
        String type = waiting || end == 2 ? (random.nextBoolean() ? "STOPPED" : "WITHDRAWN") : "RESOLVED";
        story.event(type, t, "");
        dates.set("NgayKetThucXuLy", t);
        story.push(state, type.equals("RESOLVED") ? 9 : type.equals("STOPPED") ? 8 : 7);
        if (type.equals("RESOLVED") && random.nextBoolean()) {
            t = random.nextInt(4) == 0 ? t : later(t);
            story.event("RESULT_RETURNED", t, "");
            dates.set("NgayTra", t);
            story.push(state, 10);
        }
        return story.dossier();
    }

    private Instant later(Instant t) {
        return t.plusSeconds(1 + random.nextLong(5L * 86_400));
    }

    private static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, LOCAL).toString();
    }

    /** The two tellings of one dossier, built side by side. */
    private static final class Story {
        private final String dossierId;
        private final String dossierCode;
        private final List<String> events = new ArrayList<>();
        private final List<String> snapshots = new ArrayList<>();

        Story(String dossierId, String dossierCode) {
            this.dossierId = dossierId;
            this.dossierCode = dossierCode;
        }

        void event(String type, Instant at, String fields) {
            events.add("{\"eventId\":\"%s-%02d\",\"type\":\"%s\",\"dossierId\":\"%s\",\"occurredAt\":\"%s\"%s}"
                    .formatted(dossierId, events.size(), type, dossierId, local(at), fields));
        }

        /** The state as the one-stop system holds it now, with its status, pushed as it is. */
        void push(ObjectNode state, int status) {
            state.put("TrangThaiHoSo", String.valueOf(status));
            snapshots.add(JSON.writeValueAsString(state));
        }

        Dossier dossier() {
            return new Dossier(List.copyOf(events), List.copyOf(snapshots));
        }

        @Override
        public String toString() {
            return dossierCode;
        }
    }

    /** Dates of one snapshot in one client's format: {@code yyyyMMddHHmmss} or ISO, local time. */
    private record Dates(ObjectNode node, boolean compact) {
        void set(String field, Instant at) {
            if (at != null) {
                LocalDateTime local = LocalDateTime.ofInstant(at, LOCAL);
                node.put(field, local.format(compact ? COMPACT : ISO));
            }
        }
    }
}
