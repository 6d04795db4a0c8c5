package vn.dossierstats.deploy;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic traffic through the gateway: the 34 provinces with communes and departments, a procedure catalogue with
 * processing times, channels and on-time probabilities that differ by province and domain (land is slower). Each
 * dossier is received in the past with its appointment ({@code dueAt}) and resolved now, early, on time or late; some
 * stay open. No event is ever dated in the future.
 */
public final class TrafficSimulator {

    public static final List<String> PROVINCES = List.of(
            "01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38", "40", "42",
            "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92", "96");
    private static final Pattern COUNT = Pattern.compile("\\\"(accepted|duplicates|rejected)\\\":(\\d+)");

    /**
     * A procedure of the simulated catalogue; {@code onlineLevel} and {@code feeCharging} feed the national index (land,
     * business, construction, certification and judicial records charge fees; civil status does not).
     */
    record Procedure(
            String code,
            String name,
            String domain,
            int workingDays,
            double onTimePenalty,
            String onlineLevel,
            boolean feeCharging) {}

    static final List<Procedure> PROCEDURES = List.of(
            new Procedure(
                    "1.004227",
                    "Đăng ký đất đai, tài sản gắn liền với đất lần đầu",
                    "Đất đai",
                    30,
                    0.15,
                    "PARTIAL",
                    true),
            new Procedure("1.004221", "Chuyển nhượng quyền sử dụng đất", "Đất đai", 10, 0.12, "PARTIAL", true),
            new Procedure("1.003003", "Cấp đổi giấy chứng nhận quyền sử dụng đất", "Đất đai", 7, 0.10, "PARTIAL", true),
            new Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", 1, 0.0, "FULL", false),
            new Procedure("1.000656", "Đăng ký kết hôn", "Hộ tịch", 1, 0.0, "FULL", false),
            new Procedure("1.001022", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", 1, 0.0, "FULL", true),
            new Procedure("2.000571", "Đăng ký thành lập hộ kinh doanh", "Đăng ký kinh doanh", 3, 0.02, "FULL", true),
            new Procedure("1.001612", "Đăng ký thành lập doanh nghiệp", "Đăng ký kinh doanh", 3, 0.03, "FULL", true),
            new Procedure("1.009972", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", 15, 0.08, "PARTIAL", true),
            new Procedure("1.000028", "Chứng thực bản sao từ bản chính", "Chứng thực", 1, 0.0, "NONE", true),
            new Procedure("2.001035", "Cấp phiếu lý lịch tư pháp", "Tư pháp", 10, 0.04, "FULL", true),
            new Procedure("1.005461", "Trợ cấp xã hội hằng tháng", "Bảo trợ xã hội", 12, 0.05, "NONE", false));

    private final String gateway;
    private final String sourceKey;
    private final String adminToken;
    private final int rate;
    private final PrintStream out;
    private final SimulatorHttp http;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    /** With payments and ratings: a newcomer sees a full national index after {@code deploy/run --simulate}. */
    private final DossierGenerator generator = new DossierGenerator(new Random(), true);

    private volatile boolean running;
    private Thread thread;

    public TrafficSimulator(String gateway, String sourceKey, String adminToken, int rate, PrintStream out) {
        this.gateway = gateway;
        this.sourceKey = sourceKey;
        this.adminToken = adminToken;
        this.rate = Math.max(1, rate);
        this.out = out;
        this.http = new SimulatorHttp(gateway, adminToken, out, "simulator");
    }

    /** Communes, departments and procedures, through the administrator's endpoints. */
    public void setUpCatalogue() {
        for (String province : PROVINCES) {
            for (int i = 1; i <= 3; i++) {
                String commune = province + ".C" + String.format("%02d", i);
                http.put(
                        "/api/v1/units/" + commune,
                        "{\"name\":\"Xã " + commune + "\",\"level\":\"COMMUNE\",\"parentCode\":\"" + province + "\"}");
            }
            String department = province + ".D01";
            http.put(
                    "/api/v1/units/" + department,
                    "{\"name\":\"Sở Tài nguyên và Môi trường " + province
                            + "\",\"level\":\"DEPARTMENT\",\"parentCode\":\"" + province + "\"}");
        }
        for (Procedure p : PROCEDURES) {
            http.put(
                    "/api/v1/procedures/" + p.code(),
                    "{\"name\":\"" + p.name() + "\",\"domain\":\"" + p.domain() + "\",\"processingTime\":{\"value\":"
                            + p.workingDays() + ",\"unit\":\"WORKING_DAYS\"},\"cutoff\":\"15:00\",\"onlineLevel\":\""
                            + p.onlineLevel() + "\",\"feeCharging\":" + p.feeCharging() + "}");
        }
        // the national index's procedures in scope: land with the department, the rest with the communes
        for (String unit : DossierGenerator.UNITS) {
            boolean department = unit.endsWith(".D01");
            String codes = PROCEDURES.stream()
                    .filter(p -> p.domain().equals("Đất đai") == department)
                    .map(p -> "\"" + p.code() + "\"")
                    .collect(java.util.stream.Collectors.joining(","));
            http.put("/api/v1/units/" + unit + "/procedures", "{\"procedures\":[" + codes + "]}");
        }
    }

    /**
     * The 29 provinces that ended on 2025-06-30 (seeded with the 2025 merger, {@code V41__merger_2025.sql}): their
     * codes were on the events sources sent before the merger, and some sources kept sending them after.
     */
    static final List<String> PROVINCES_ENDED_2025 = List.of(
            "02", "06", "10", "17", "26", "27", "30", "34", "35", "36", "45", "49", "54", "58", "60", "62", "64", "67",
            "70", "72", "74", "77", "83", "84", "87", "89", "93", "94", "95");

    private static final Instant YEAR_2025 = Instant.parse("2024-12-31T17:00:00Z");
    private static final Instant MERGER_2025 = Instant.parse("2025-06-30T17:00:00Z");

    private int history2025;

    /** Before the live traffic, {@code dossiers} dossiers of 2025 ({@code deploy/run --simulate --history-2025}). */
    public TrafficSimulator withHistory2025(int dossiers) {
        this.history2025 = dossiers;
        return this;
    }

    /**
     * Dossiers received in 2025 as sources sent them: before 1 July under the 63 provinces of the time (at province
     * level), after it under today's communes and departments, one in ten still naming an old province (counted
     * under its successor). Ended where the generator ends them, all within 2025.
     */
    public void sendHistory2025(int dossiers) {
        java.util.Random random = new java.util.Random(2025);
        List<String> oldProvinces = new ArrayList<>(PROVINCES);
        oldProvinces.addAll(PROVINCES_ENDED_2025);
        List<String> batch = new ArrayList<>();
        long year = Duration.between(YEAR_2025, YEAR_2025.plus(Duration.ofDays(365)))
                .toSeconds();
        for (int i = 0; i < dossiers; i++) {
            Instant end = YEAR_2025.plusSeconds(30L * 86_400 + random.nextLong(year - 30L * 86_400));
            String unit = end.isBefore(MERGER_2025) || random.nextInt(10) == 0
                    ? oldProvinces.get(random.nextInt(oldProvinces.size()))
                    : DossierGenerator.UNITS.get(random.nextInt(DossierGenerator.UNITS.size()));
            batch.addAll(generator.dossier(unit, end));
            if (batch.size() >= 500) {
                postBatch(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            postBatch(batch);
        }
        out.printf("simulator: %d dossiers of 2025 sent, under the 63 provinces before 1 July%n", dossiers);
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("traffic-simulator").start(() -> {
            setUpCatalogue();
            if (history2025 > 0) {
                sendHistory2025(history2025);
            }
            out.printf("Simulating about %d events/s through %s%n", rate, gateway);
            Instant nextReport = Instant.now().plusSeconds(10);
            while (running) {
                Instant tick = Instant.now();
                sendEvents(rate);
                if (tick.isAfter(nextReport)) {
                    out.printf(
                            "simulator: %d accepted, %d duplicates, %d rejected%n",
                            accepted.get(), duplicates.get(), rejected.get());
                    nextReport = tick.plusSeconds(10);
                }
                long spent = Duration.between(tick, Instant.now()).toMillis();
                try {
                    Thread.sleep(Math.max(0, 1000 - spent));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Sends about {@code events} events in batches: each dossier's RECEIVED and, for most, its end. */
    public void sendEvents(int events) {
        List<String> batch = new ArrayList<>();
        int sent = 0;
        while (sent < events) {
            List<String> dossier = generator.dossier(Instant.now());
            batch.addAll(dossier);
            sent += dossier.size();
            if (batch.size() >= 500) {
                postBatch(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            postBatch(batch);
        }
    }

    private void postBatch(List<String> events) {
        String body = "{\"events\":[" + String.join(",", events) + "]}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/api/v1/dossier-events/batch"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", sourceKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (response == null) {
            rejected.addAndGet(events.size());
            return;
        }
        if (response.statusCode() != 200) {
            rejected.addAndGet(events.size());
            out.println("simulator: batch refused with " + response.statusCode() + ": " + response.body());
            return;
        }
        Matcher counts = COUNT.matcher(response.body());
        while (counts.find()) {
            long n = Long.parseLong(counts.group(2));
            switch (counts.group(1)) {
                case "accepted" -> accepted.addAndGet(n);
                case "duplicates" -> duplicates.addAndGet(n);
                default -> {
                    rejected.addAndGet(n);
                    if (n > 0) {
                        out.println("simulator: " + n + " events rejected: " + firstError(response.body()));
                    }
                }
            }
        }
    }

    private static String firstError(String body) {
        int at = body.indexOf("\"error\"");
        return at < 0 ? body : body.substring(at, Math.min(body.length(), at + 300));
    }

    public long accepted() {
        return accepted.get();
    }

    public long rejected() {
        return rejected.get();
    }
}
