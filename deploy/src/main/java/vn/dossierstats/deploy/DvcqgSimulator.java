package vn.dossierstats.deploy;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated one-stop systems speaking DVCQG through the gateway ({@code deploy/run --simulate --dvcqg}, issue 20):
 * provinces with an odd code push as OpenCPS does (login, envelope with {@code session}, {@code ""} dates, no channel,
 * status 10 with end and return), the others as a TD system does (bare arrays with {@code X-Api-Key}, {@code null}s,
 * a supplement request rewritten to status 9 and explained by progress items in batches of at most 10). One snapshot in
 * ten is sent twice. Dossiers advance a step every few seconds, dated now: nothing is dated in the future.
 */
public final class DvcqgSimulator {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    /** A dossier as the simulated one-stop system holds it. */
    private static final class Dossier {
        final String code;
        final String unitDvcqg;
        final boolean openCps;
        final String procedure;
        final Instant received;
        int step;

        Dossier(String code, String unitDvcqg, boolean openCps, String procedure, Instant received) {
            this.code = code;
            this.unitDvcqg = unitDvcqg;
            this.openCps = openCps;
            this.procedure = procedure;
            this.received = received;
        }
    }

    private final String gateway;
    private final String sourceKey;
    private final String adminToken;
    private final int rate;
    private final PrintStream out;
    private final Clock clock = Clock.systemUTC();
    private final Random random = new Random();
    private final SimulatorHttp http;
    private final List<Dossier> live = new ArrayList<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long sequence = System.currentTimeMillis() % 100_000;
    private String session;
    private volatile boolean running;
    private Thread thread;

    public DvcqgSimulator(String gateway, String sourceKey, String adminToken, int rate, PrintStream out) {
        this.gateway = gateway;
        this.sourceKey = sourceKey;
        this.adminToken = adminToken;
        this.rate = Math.max(1, rate);
        this.out = out;
        this.http = new SimulatorHttp(gateway, adminToken, out, "dvcqg simulator");
    }

    /** The simulated catalogue, each unit with its DVCQG code ({@code 000.00.C01.H33}). */
    public void setUpCatalogue() {
        new TrafficSimulator(gateway, sourceKey, adminToken, rate, out).setUpCatalogue();
        for (String unit : DossierGenerator.UNITS) {
            String province = unit.substring(0, unit.indexOf('.'));
            boolean commune = unit.contains(".C");
            http.put(
                    "/api/v1/units/" + unit,
                    "{\"name\":\"" + (commune ? "Xã " : "Sở ") + unit + "\",\"level\":\""
                            + (commune ? "COMMUNE" : "DEPARTMENT") + "\",\"parentCode\":\"" + province
                            + "\",\"dvcqgCode\":\"" + dvcqgCode(unit) + "\"}");
        }
    }

    static String dvcqgCode(String unit) {
        String province = unit.substring(0, unit.indexOf('.'));
        return "000.00." + unit.substring(unit.indexOf('.') + 1) + ".H" + province;
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("dvcqg-simulator").start(() -> {
            setUpCatalogue();
            out.printf(
                    "Simulating DVCQG pushes (OpenCPS and TD style), about %d snapshots/s, through %s%n",
                    rate, gateway);
            Instant nextReport = clock.instant().plusSeconds(10);
            while (running) {
                Instant tick = clock.instant();
                tick();
                if (tick.isAfter(nextReport)) {
                    out.printf(
                            "dvcqg simulator: %d dossiers applied, %d failed, %d open%n",
                            applied.get(), failed.get(), live.size());
                    nextReport = tick.plusSeconds(10);
                }
                try {
                    Thread.sleep(Math.max(
                            0, 1000 - Duration.between(tick, clock.instant()).toMillis()));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Stops, and waits for the push under way, so that the platform is not closed under it. */
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** New dossiers, and a step for some of the open ones. */
    void tick() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < Math.max(1, rate / 3); i++) {
            String unit = DossierGenerator.UNITS.get(random.nextInt(DossierGenerator.UNITS.size()));
            String province = unit.substring(0, unit.indexOf('.'));
            String procedure = TrafficSimulator.PROCEDURES
                    .get(random.nextInt(TrafficSimulator.PROCEDURES.size()))
                    .code();
            String code = dvcqgCode(unit) + "-"
                    + LocalDateTime.ofInstant(now, ZONE).format(DateTimeFormatter.ofPattern("yyMMdd")) + "-"
                    + (++sequence);
            Dossier dossier = new Dossier(
                    code,
                    dvcqgCode(unit),
                    Integer.parseInt(province) % 2 == 1,
                    procedure,
                    now.minusSeconds(random.nextInt(3600)));
            live.add(dossier);
            push(dossier, now);
        }
        for (Iterator<Dossier> it = live.iterator(); it.hasNext(); ) {
            Dossier dossier = it.next();
            if (random.nextInt(4) != 0) {
                continue;
            }
            dossier.step++;
            push(dossier, now);
            if (dossier.step >= 4) {
                it.remove();
            }
        }
    }

    private void push(Dossier d, Instant now) {
        if (d.openCps) {
            // step 0 received (4), then 4, 4, 4, then resolved and returned (10)
            boolean done = d.step >= 4;
            String snapshot = "{\"MaHoSo\":\"" + d.code + "\",\"MaTTHC\":\"" + d.procedure + ".000.00.00.H" + "\","
                    + "\"TrangThaiHoSo\":\"" + (done ? "10" : "4") + "\",\"NgayNopHoSo\":\"" + compact(d.received)
                    + "\","
                    + "\"NgayTiepNhan\":\"" + compact(d.received) + "\",\"NgayHenTra\":\"\",\"NgayKetThucXuLy\":\""
                    + (done ? compact(now) : "") + "\",\"NgayTra\":\"" + (done ? compact(now) : "") + "\","
                    + "\"DanhSachLePhi\":[],\"DuocThanhToanTrucTuyen\":\"0\",\"DanhSachHoSoBoSung\":[]}";
            sendOpenCps(d.unitDvcqg, snapshot);
            if (random.nextInt(10) == 0) {
                sendOpenCps(d.unitDvcqg, snapshot); // a re-send: no second effect
            }
            return;
        }
        // TD: 2 received; 9 (rewritten from 5, no end) + progress 5; progress 4; 9 with its end
        String status = d.step == 0 ? "2" : d.step == 3 ? "4" : "9";
        String end = d.step >= 4 ? "\"" + iso(now) + "\"" : "null";
        String snapshot = "[{\"MaHoSo\":\"" + d.code + "\",\"MaTTHC\":\"" + d.procedure + "\",\"KenhThucHien\":\""
                + (random.nextBoolean() ? "2" : "1") + "\",\"TrangThaiHoSo\":\"" + (d.step >= 4 ? "9" : status)
                + "\",\"NgayTiepNhan\":\"" + iso(d.received) + "\",\"NgayHenTra\":null,\"NgayKetThucXuLy\":" + end
                + ",\"NgayTra\":null,\"DanhSachLePhi\":null,\"DanhSachHoSoBoSung\":null}]";
        if (d.step == 1 || d.step == 2) {
            send(
                    "/api/v1/dvcqg/CapNhatTienDoHoSoMC",
                    "[{\"MaHoSo\":\"" + d.code + "\",\"ThoiDiemXuLy\":\"" + compact(now) + "\",\"TrangThai\":\""
                            + (d.step == 1 ? "5" : "4") + "\",\"NoiDungXuLy\":\"\"}]",
                    true);
        }
        if (d.step != 2) {
            send("/api/v1/dvcqg/DongBoHoSoMC", snapshot, true);
            if (random.nextInt(10) == 0) {
                send("/api/v1/dvcqg/DongBoHoSoMC", snapshot, true);
            }
        }
    }

    private void sendOpenCps(String unit, String snapshot) {
        if (session == null) {
            HttpResponse<String> login = post(
                    "/api/v1/dvcqg/auth", "{\"username\":\"dev-source\",\"password\":\"" + sourceKey + "\"}", false);
            if (login == null || login.statusCode() != 200) {
                failed.incrementAndGet();
                return;
            }
            session = login.body().replaceAll(".*\"session\":\"([^\"]+)\".*", "$1");
        }
        HttpResponse<String> response = send(
                "/api/v1/dvcqg",
                "{\"session\":\"" + session + "\",\"madonvi\":\"" + unit
                        + "\",\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"True\",\"data\":[" + snapshot + "]}",
                false);
        if (response != null && response.statusCode() == 401) {
            session = null; // expired: log in again next time
        }
    }

    private HttpResponse<String> send(String path, String body, boolean withKey) {
        HttpResponse<String> response = post(path, body, withKey);
        if (response == null && Thread.currentThread().isInterrupted()) {
            return null; // stopped while pushing: not the platform's failure
        }
        if (response != null && response.statusCode() == 200 && response.body().contains("\"error_code\":\"0\"")) {
            applied.incrementAndGet();
        } else {
            failed.incrementAndGet();
            if (response != null && failed.get() % 100 == 1) {
                out.println("dvcqg simulator: " + path + " answered " + response.statusCode() + ": "
                        + response.body()
                                .substring(0, Math.min(300, response.body().length())));
            }
        }
        return response;
    }

    private HttpResponse<String> post(String path, String body, boolean withKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withKey) {
            request.header("X-Api-Key", sourceKey);
        }
        return http.send(request);
    }

    private static String compact(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE).format(COMPACT);
    }

    private static String iso(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE).format(ISO);
    }

    public long applied() {
        return applied.get();
    }

    public long failed() {
        return failed.get();
    }
}
