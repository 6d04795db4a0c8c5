package vn.dossierstats.dossier.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.IntegrationTest;

/**
 * Payloads built the way the three client families build them (dvcqg.md), and the dossier views they produce, worked
 * out by hand: procedure 2.000001 takes 5 working days, so a dossier received on Monday 6 July 2026 at 09:00 is due on
 * Monday 13 July at 09:00 unless the source sends its own appointment.
 */
class DvcqgIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    private String source;
    private String unitDvcqg;
    private String unit;

    @BeforeEach
    void catalogue() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        unit = "DV" + suffix;
        unitDvcqg = "000.00.01." + suffix;
        put(
                "/api/v1/units/" + unit,
                "{\"name\":\"Sở Tư pháp\",\"level\":\"DEPARTMENT\",\"dvcqgCode\":\"" + unitDvcqg + "\"}");
        put(
                "/api/v1/procedures/2.000001",
                "{\"name\":\"Cấp phiếu lý lịch tư pháp\",\"domain\":\"Lý lịch tư pháp\","
                        + "\"processingTime\":{\"value\":5,\"unit\":\"WORKING_DAYS\"}}");
        source = "src-" + UUID.randomUUID();
    }

    private String dossier(String n) {
        return unitDvcqg + "-260706-" + n;
    }

    @Test
    void aUnitShowsItsDvcqgCodeAloneAndInTheListAndACodeNamesOneUnit() {
        JsonNode unitView = json.readTree(get("/api/v1/units/" + unit).body());
        assertThat(unitView.get("dvcqgCode").asString()).isEqualTo(unitDvcqg);
        JsonNode listed = null;
        for (JsonNode each :
                json.readTree(get("/api/v1/units?level=DEPARTMENT").body()).get("units")) {
            if (each.get("code").asString().equals(unit)) {
                listed = each;
            }
        }
        assertThat(listed).as("the unit in GET /api/v1/units").isNotNull();
        assertThat(listed.get("dvcqgCode").asString()).isEqualTo(unitDvcqg);
        Response taken = put(
                "/api/v1/units/" + unit + "X",
                "{\"name\":\"Khác\",\"level\":\"DEPARTMENT\",\"dvcqgCode\":\"" + unitDvcqg + "\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("dvcqgCode");
    }

    @Test
    void anOpenCpsEnvelopeWithEmptyDatesAndNoChannelOpensThenEndsTheDossier() {
        String code = dossier("0001");
        String first = envelope(
                "DongBoHoSoMC",
                "{\"MaHoSo\":\"" + code + "\",\"MaTTHC\":\"2.000001.000.00.00.H22\",\"TenTTHC\":\"Cấp phiếu\","
                        + "\"TrangThaiHoSo\":\"4\",\"NgayNopHoSo\":\"20260706085500\",\"NgayTiepNhan\":\"20260706090000\","
                        + "\"NgayHenTra\":\"20260710170000\",\"NgayKetThucXuLy\":\"\",\"NgayTra\":\"\",\"NgayTuChoi\":\"\","
                        + "\"DanhSachLePhi\":[{\"TenPhiLePhi\":\"Lệ phí\",\"Gia\":\"200000\"}],\"DuocThanhToanTrucTuyen\":\"1\","
                        + "\"DanhSachHoSoBoSung\":[],\"ChuHoSo\":\"Nguyễn Văn A\",\"SoDienThoai\":\"0900000000\"}");
        JsonNode answer = dvcqg("/api/v1/dvcqg", first);
        assertThat(answer.get("error_code").asString()).isEqualTo("0");
        assertThat(answer.get("message").asString()).contains("thành công");
        assertThat(answer.get("results").get(0).get("accepted").asInt()).isEqualTo(2); // RECEIVED, PAID

        JsonNode view = view(code);
        assertThat(view.get("status").asString()).isEqualTo("OPEN");
        assertThat(view.get("unitCode").asString()).isEqualTo(unit);
        assertThat(view.get("channel").asString()).isEqualTo("DIRECT");
        assertThat(view.get("receivedAt").asString()).isEqualTo("2026-07-06T09:00:00+07:00");
        assertThat(view.get("dueAt").asString()).isEqualTo("2026-07-10T17:00:00+07:00");

        // the look-up OpenCPS makes before pushing says the dossier exists
        JsonNode found = dvcqg("/api/v1/dvcqg", "{\"service\":\"TraCuuHoSo\",\"mahoso\":\"" + code + "\"}");
        assertThat(found.get("error_code").asString()).isEqualTo("0");
        assertThat(found.get("result")).hasSize(1);
        // and the procedure look-up it makes before building each snapshot is answered, with no procedure
        JsonNode procedure =
                dvcqg("/api/v1/dvcqg", "{\"session\":\"opaque\",\"service\":\"LayThuTuc\",\"maTTHC\":\"2.000001\"}");
        assertThat(procedure.get("error_code").asString()).isEqualTo("0");
        assertThat(procedure.get("result")).isEmpty();

        String resolved = first.replace("\"TrangThaiHoSo\":\"4\"", "\"TrangThaiHoSo\":\"10\"")
                .replace("\"NgayKetThucXuLy\":\"\"", "\"NgayKetThucXuLy\":\"20260709150000\"")
                .replace("\"NgayTra\":\"\"", "\"NgayTra\":\"20260710080000\"")
                .replace("\"isUpdating\":\"False\"", "\"isUpdating\":\"True\"");
        assertThat(dvcqg("/api/v1/dvcqg", resolved).get("error_code").asString())
                .isEqualTo("0");
        view = view(code);
        assertThat(view.get("status").asString()).isEqualTo("RESULT_RETURNED");
        assertThat(view.get("endedAt").asString()).isEqualTo("2026-07-09T15:00:00+07:00");
        assertThat(view.get("classification").asString()).isEqualTo("EARLY");

        // sent again: no second effect
        JsonNode again = dvcqg("/api/v1/dvcqg", resolved);
        assertThat(again.get("error_code").asString()).isEqualTo("0");
        assertThat(again.get("results").get(0).get("accepted").asInt()).isZero();
        assertThat(view(code).get("events")).hasSize(4);
    }

    @Test
    void aTdBareArrayWithNullsRewrittenStatusesAndProgressBatchesIsDatedByItsProgress() {
        String code = dossier("0002");
        String snapshot = "{\"MaHoSo\":\"" + code + "\",\"MaTTHC\":\"2.000001\",\"KenhThucHien\":\"2\","
                + "\"TrangThaiHoSo\":\"%s\",\"NgayTiepNhan\":\"2026-07-06T09:00:00.000\",\"NgayHenTra\":null,"
                + "\"NgayKetThucXuLy\":%s,\"NgayTra\":null,\"DanhSachLePhi\":null,\"DanhSachHoSoBoSung\":null}";
        assertThat(dvcqg("/api/v1/dvcqg/DongBoHoSoMC", "[" + snapshot.formatted("2", "null") + "]")
                        .get("error_code")
                        .asString())
                .isEqualTo("0");
        // status 5 rewritten to 9, no end instant: nothing ends, the dossier waits for an instant
        JsonNode rewritten = dvcqg("/api/v1/dvcqg/DongBoHoSoMC", "[" + snapshot.formatted("9", "null") + "]");
        assertThat(rewritten.get("error_code").asString()).isEqualTo("0");
        assertThat(rewritten.get("results").get(0).get("waitingFor").toString()).contains("NgayKetThucXuLy");
        assertThat(view(code).get("status").asString()).isEqualTo("OPEN");
        assertThat(view(code).get("waitingFor").toString()).isEqualTo("[\"NgayKetThucXuLy\"]");

        // the progress items explain it: a supplement was asked on 8 July at 10:00 and came back on 10 July at 08:00
        assertThat(dvcqg(
                                "/api/v1/dvcqg/CapNhatTienDoHoSoMC",
                                "[" + progress(code, "20260707100000", "4") + ","
                                        + progress(code, "20260708100000", "5") + "]")
                        .get("error_code")
                        .asString())
                .isEqualTo("0");
        assertThat(view(code).get("status").asString()).isEqualTo("WAITING_SUPPLEMENT");
        assertThat(dvcqg("/api/v1/dvcqg/CapNhatTienDoHoSoMC", "[" + progress(code, "20260710080000", "4") + "]")
                        .get("error_code")
                        .asString())
                .isEqualTo("0");
        assertThat(view(code).get("status").asString()).isEqualTo("OPEN");

        // resolved on 13 July at 10:00: due 13 July 09:00 plus the 46 hours of the pause = 15 July 07:00, early
        dvcqg("/api/v1/dvcqg/DongBoHoSoMC", "[" + snapshot.formatted("9", "\"20260713100000\"") + "]");
        JsonNode view = view(code);
        assertThat(view.get("channel").asString()).isEqualTo("ONLINE");
        assertThat(view.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(view.get("dueAt").asString()).isEqualTo("2026-07-15T07:00:00+07:00");
        assertThat(view.get("classification").asString()).isEqualTo("EARLY");
        assertThat(view.has("waitingFor")).as("dated now: it waits for nothing").isFalse();
    }

    @Test
    void aTdStopRewrittenToNineIsAStopAtTheProgressItemsInstant() {
        String code = dossier("0003");
        String snapshot = "{\"MaHoSo\":\"" + code + "\",\"MaTTHC\":\"2.000001\",\"KenhThucHien\":\"1\","
                + "\"TrangThaiHoSo\":\"%s\",\"NgayTiepNhan\":\"20260706090000\",\"NgayKetThucXuLy\":null}";
        dvcqg("/api/v1/dvcqg/DongBoHoSoMC", "[" + snapshot.formatted("4") + "]");
        dvcqg("/api/v1/dvcqg/CapNhatTienDoHoSoMC", "[" + progress(code, "20260708140000", "8") + "]");
        dvcqg("/api/v1/dvcqg/DongBoHoSoMC", "[" + snapshot.formatted("9") + "]");
        JsonNode view = view(code);
        assertThat(view.get("status").asString()).isEqualTo("STOPPED");
        assertThat(view.get("endedAt").asString()).isEqualTo("2026-07-08T14:00:00+07:00");
    }

    @Test
    void aHaGiangPushOfStatusOneThenTwoOpensTheDossierOnAcceptance() {
        String code = dossier("0004");
        String path = "/api/v1/dvcqg/DongBoHoSoMC?MaDinhDanhDV=" + unitDvcqg + "&isUpdating=%s";
        String snapshot = "{\"MaHoSo\":\"" + code + "\",\"MaTTHC\":\"2.000001\",\"KenhThucHien\":\"2\","
                + "\"TrangThaiHoSo\":\"%s\",\"NgayNopHoSo\":\"20260706070000\",\"NgayTiepNhan\":\"%s\",\"NgayTra\":\"%s\"}";
        JsonNode submitted = dvcqg(path.formatted("False"), "[" + snapshot.formatted("1", "", "") + "]");
        assertThat(submitted.get("error_code").asString()).isEqualTo("0");
        assertThat(get("/api/v1/dossiers/" + code).status()).isEqualTo(404);

        dvcqg(path.formatted("True"), "[" + snapshot.formatted("2", "20260706093000", "") + "]");
        assertThat(view(code).get("receivedAt").asString()).isEqualTo("2026-07-06T09:30:00+07:00");

        // status 10 with only NgayTra: the return ends processing
        dvcqg(path.formatted("True"), "[" + snapshot.formatted("10", "20260706093000", "20260709100000") + "]");
        JsonNode view = view(code);
        assertThat(view.get("status").asString()).isEqualTo("RESULT_RETURNED");
        assertThat(view.get("endedAt").asString()).isEqualTo("2026-07-09T10:00:00+07:00");
    }

    @Test
    void aBadDossierIsNamedWithItsFieldAndTheOthersOfTheRequestApply() {
        String good = dossier("0005");
        String bad = dossier("0006");
        JsonNode answer = dvcqg(
                "/api/v1/dvcqg/DongBoHoSoMC",
                "[{\"MaHoSo\":\"" + bad
                        + "\",\"MaTTHC\":\"2.000001\",\"TrangThaiHoSo\":\"11\",\"NgayTiepNhan\":\"20260706090000\"},"
                        + "{\"MaHoSo\":\"" + good
                        + "\",\"MaTTHC\":\"2.000001\",\"TrangThaiHoSo\":\"2\",\"NgayTiepNhan\":\"20260706090000\"}]");
        assertThat(answer.get("error_code").asString()).isEqualTo("-1");
        assertThat(answer.get("message").asString()).contains(bad).doesNotContain("thành công");
        assertThat(answer.get("results").get(0).get("field").asString()).isEqualTo("TrangThaiHoSo");
        assertThat(answer.get("results").get(1).get("status").asString()).isEqualTo("APPLIED");
        assertThat(view(good).get("status").asString()).isEqualTo("OPEN");

        // a contradicting snapshot (another receipt instant) changes nothing
        JsonNode contradiction = dvcqg(
                "/api/v1/dvcqg/DongBoHoSoMC",
                "[{\"MaHoSo\":\"" + good + "\",\"MaTTHC\":\"2.000001\",\"TrangThaiHoSo\":\"9\","
                        + "\"NgayTiepNhan\":\"20260706100000\",\"NgayKetThucXuLy\":\"20260707100000\"}]");
        assertThat(contradiction.get("results").get(0).get("field").asString()).isEqualTo("NgayTiepNhan");
        assertThat(view(good).get("status").asString()).isEqualTo("OPEN");

        JsonNode unknownUnit = dvcqg(
                "/api/v1/dvcqg/DongBoHoSoMC?MaDinhDanhDV=999.99.99.X",
                "[{\"MaHoSo\":\"X-1\",\"MaTTHC\":\"2.000001\",\"TrangThaiHoSo\":\"2\",\"NgayTiepNhan\":\"20260706090000\"}]");
        assertThat(unknownUnit.get("results").get(0).get("field").asString()).isEqualTo("MaDinhDanhDV");
        JsonNode badDate = dvcqg(
                "/api/v1/dvcqg/DongBoHoSoMC",
                "[{\"MaHoSo\":\"" + dossier("0007")
                        + "\",\"MaTTHC\":\"2.000001\",\"TrangThaiHoSo\":\"2\",\"NgayTiepNhan\":\"06/07/2026\"}]");
        assertThat(badDate.get("results").get(0).get("field").asString()).isEqualTo("NgayTiepNhan");

        Response malformed = post("/api/v1/dvcqg", source, "{\"service\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("error_code").asString()).isEqualTo("-1");
        assertThat(post("/api/v1/dvcqg", null, "{}").status()).isEqualTo(401);
    }

    @Test
    void aSourcesMonthlyCountsAreSetBesideOurs() {
        String code = dossier("0008");
        dvcqg(
                "/api/v1/dvcqg/DongBoHoSoMC",
                "[{\"MaHoSo\":\"" + code + "\",\"MaTTHC\":\"2.000001\",\"TrangThaiHoSo\":\"9\","
                        + "\"NgayTiepNhan\":\"20260706090000\",\"NgayKetThucXuLy\":\"20260708090000\"}]");
        JsonNode stored = dvcqg(
                "/api/v1/dvcqg",
                "{\"service\":\"DongBoThongKeHoSo\",\"madonvi\":\"" + unitDvcqg
                        + "\",\"data\":[{\"Nam\":\"2026\",\"Thang\":\"7\","
                        + "\"SoNhanTrongKy\":\"3\",\"SoTonKyTruoc\":\"0\",\"TongDaXuLy\":\"1\",\"TongXuLyTreHan\":\"0\"}]}");
        assertThat(stored.get("error_code").asString()).isEqualTo("0");

        JsonNode reconciliation = json.readTree(get("/api/v1/stats/units/" + unit + "/reconciliation?period=2026-07")
                .body());
        assertThat(reconciliation.get("ours").get("new").asLong()).isEqualTo(1);
        JsonNode received =
                reconciliation.get("sources").get(0).get("differences").get(1);
        assertThat(received.get("field").asString()).isEqualTo("SoNhanTrongKy");
        assertThat(received.get("difference").asLong()).isEqualTo(2); // the source counts 2 dossiers it never pushed
    }

    @Test
    void eachPushedDossierIsCountedByOutcomeAndShape() {
        String code = dossier("0009");
        String snapshot = "{\"MaHoSo\":\"" + code + "\",\"MaTTHC\":\"2.000001\",\"TrangThaiHoSo\":\"2\","
                + "\"NgayTiepNhan\":\"20260706090000\"}";
        double envelopeApplied = counted("DongBoHoSoMC", "envelope", "applied");
        double bareUnchanged = counted("DongBoHoSoMC", "bare", "unchanged");
        double bareFailed = counted("DongBoHoSoMC", "bare", "failed");
        double progressStored = counted("CapNhatTienDoHoSoMC", "bare", "unchanged");

        dvcqg("/api/v1/dvcqg", envelope("DongBoHoSoMC", snapshot));
        dvcqg("/api/v1/dvcqg/DongBoHoSoMC", "[" + snapshot + "]"); // a re-send
        dvcqg(
                "/api/v1/dvcqg/DongBoHoSoMC",
                "[" + snapshot.replace(code, dossier("0010")).replace("2.000001", "2.999999") + "]");
        dvcqg("/api/v1/dvcqg/CapNhatTienDoHoSoMC", "[" + progress(dossier("0011"), "20260707100000", "4") + "]");

        assertThat(counted("DongBoHoSoMC", "envelope", "applied")).isEqualTo(envelopeApplied + 1);
        assertThat(counted("DongBoHoSoMC", "bare", "unchanged")).isEqualTo(bareUnchanged + 1);
        assertThat(counted("DongBoHoSoMC", "bare", "failed")).isEqualTo(bareFailed + 1);
        // progress kept until its dossier's snapshot comes adds no event yet
        assertThat(counted("CapNhatTienDoHoSoMC", "bare", "unchanged")).isEqualTo(progressStored + 1);
    }

    private double counted(String service, String shape, String outcome) {
        return meters.counter("dossier.dvcqg.dossiers", "service", service, "shape", shape, "outcome", outcome)
                .count();
    }

    private String envelope(String service, String snapshot) {
        return "{\"session\":\"opaque\",\"madonvi\":\"" + unitDvcqg + "\",\"service\":\"" + service
                + "\",\"isUpdating\":\"False\",\"data\":[" + snapshot + "]}";
    }

    private static String progress(String code, String at, String status) {
        return "{\"MaHoSo\":\"" + code + "\",\"NguoiXuLy\":\"Cán bộ\",\"ChucDanh\":\"Chuyên viên\",\"ThoiDiemXuLy\":\""
                + at + "\",\"PhongBanXuLy\":\"Phòng\",\"NoiDungXuLy\":\"Xử lý\",\"TrangThai\":\"" + status
                + "\",\"NgayBatDau\":\"" + at + "\",\"NgayKetThucTheoQuyDinh\":\"\"}";
    }

    private JsonNode dvcqg(String path, String body) {
        Response response = post(path, source, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode view(String code) {
        Response response = get("/api/v1/dossiers/" + code);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
