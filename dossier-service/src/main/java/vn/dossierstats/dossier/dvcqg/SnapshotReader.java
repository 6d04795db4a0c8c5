package vn.dossierstats.dossier.dvcqg;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Channel;
import vn.dossierstats.dossier.web.JsonFields;

/**
 * Reads the DVCQG JSON of a snapshot or a progress item, as the three client families write it: every scalar a string
 * (numbers and booleans accepted too), {@code ""} and {@code null} for absent. Only the fields that matter to the
 * figures are kept (dvcqg.md): applicants, contacts and files are read past, so no personal data is stored.
 */
final class SnapshotReader {

    /** The national procedure code: the leading {@code d.dddddd}, before any agency suffix. */
    private static final Pattern PROCEDURE = Pattern.compile("^(\\d\\.\\d{6})(?:\\..*)?$");

    private static final int MAX_CODE = 64;

    private final ZoneId zone;

    SnapshotReader(ZoneId zone) {
        this.zone = zone;
    }

    /** The dossier code of an item, or null when it has none (to name the dossier in an answer). */
    static String dossierCodeOf(JsonNode node) {
        String code = node != null && node.isObject() ? text(node, "MaHoSo") : null;
        return code == null || code.isBlank() ? null : code.trim();
    }

    /** @throws SnapshotFailure naming the first field at fault */
    Snapshot snapshot(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new SnapshotFailure("data[]", "each snapshot must be a JSON object");
        }
        String dossierCode = dossierCode(node);
        String procedure = text(node, "MaTTHC");
        if (procedure == null || procedure.isBlank()) {
            throw new SnapshotFailure("MaTTHC", "is required: the national procedure code, e.g. 1.004227");
        }
        Matcher matcher = PROCEDURE.matcher(procedure.trim());
        if (!matcher.matches()) {
            throw new SnapshotFailure(
                    "MaTTHC", "is not a national procedure code (d.dddddd): \"" + DvcqgDates.shorten(procedure) + "\"");
        }
        Integer status = status(text(node, "TrangThaiHoSo"), "TrangThaiHoSo", true);
        return new Snapshot(
                dossierCode,
                matcher.group(1),
                text(node, "TenTTHC"),
                status,
                channel(text(node, "KenhThucHien")),
                date(node, "NgayNopHoSo"),
                date(node, "NgayTiepNhan"),
                date(node, "NgayHenTra"),
                date(node, "NgayKetThucXuLy"),
                date(node, "NgayTra"),
                date(node, "NgayTuChoi"),
                supplements(node.get("DanhSachHoSoBoSung")),
                digitized(node),
                feeBearing(node.get("DanhSachLePhi")),
                oneOf(text(node, "DuocThanhToanTrucTuyen"), "1", "2"),
                electronicResult(node.get("DanhSachGiayToKetQua")));
    }

    /** @throws SnapshotFailure naming the first field at fault */
    ProgressItem progress(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new SnapshotFailure("data[]", "each progress item must be a JSON object");
        }
        String dossierCode = dossierCode(node);
        Instant at = date(node, "ThoiDiemXuLy");
        if (at == null) {
            throw new SnapshotFailure("ThoiDiemXuLy", "is required: the step's instant");
        }
        Integer status = status(text(node, "TrangThai"), "TrangThai", false);
        return new ProgressItem(dossierCode, at, status);
    }

    private static String dossierCode(JsonNode node) {
        String code = dossierCodeOf(node);
        if (code == null) {
            throw new SnapshotFailure("MaHoSo", "is required: the dossier code, e.g. 000.00.01.H22-240115-00042");
        }
        if (code.length() > MAX_CODE || !JsonFields.CODE.matcher(code).matches()) {
            throw new SnapshotFailure(
                    "MaHoSo",
                    "must be at most " + MAX_CODE + " letters, digits and . _ : - (got \"" + DvcqgDates.shorten(code)
                            + "\")");
        }
        return code;
    }

    private static Integer status(String text, String field, boolean optional) {
        if (text == null || text.isBlank()) {
            if (optional) {
                return null; // OpenCPS sends "" for a status it could not map
            }
            throw new SnapshotFailure(field, "is required: a status from 1 to 10");
        }
        try {
            int status = Integer.parseInt(text.trim());
            if (status >= 1 && status <= 10) {
                return status;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new SnapshotFailure(field, "is not a DVCQG status (1 to 10): \"" + DvcqgDates.shorten(text) + "\"");
    }

    private static Channel channel(String text) {
        if (text == null || text.isBlank()) {
            return Channel.DIRECT; // OpenCPS never sends it: in person
        }
        return switch (text.trim()) {
            case "1" -> Channel.DIRECT;
            case "2" -> Channel.ONLINE;
            case "3" -> Channel.POSTAL;
            default ->
                throw new SnapshotFailure(
                        "KenhThucHien",
                        "is not a channel (1 in person, 2 online, 3 postal): \"" + DvcqgDates.shorten(text) + "\"");
        };
    }

    private List<Snapshot.SupplementRound> supplements(JsonNode rounds) {
        List<Snapshot.SupplementRound> list = new ArrayList<>();
        if (rounds == null || rounds.isNull()) {
            return list;
        }
        if (!rounds.isArray()) {
            throw new SnapshotFailure("DanhSachHoSoBoSung", "must be an array");
        }
        for (int i = 0; i < rounds.size(); i++) {
            JsonNode round = rounds.get(i);
            String prefix = "DanhSachHoSoBoSung[" + i + "].";
            if (!round.isObject()) {
                throw new SnapshotFailure(prefix.substring(0, prefix.length() - 1), "must be an object");
            }
            String id = text(round, "HoSoBoSungId");
            list.add(new Snapshot.SupplementRound(
                    id == null || id.isBlank() ? String.valueOf(i + 1) : id.trim(),
                    DvcqgDates.parse(text(round, "NgayBoSung"), prefix + "NgayBoSung", zone),
                    DvcqgDates.parse(text(round, "NgayTiepNhanBoSung"), prefix + "NgayTiepNhanBoSung", zone)));
        }
        return list;
    }

    private static boolean digitized(JsonNode node) {
        if ("1".equals(text(node, "HoSoCoThanhPhanSoHoa"))) {
            return true;
        }
        JsonNode files = node.get("TaiLieuNop");
        if (files != null && files.isArray()) {
            for (JsonNode file : files) {
                if (file.isObject() && "1".equals(text(file, "DuocSoHoa"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A fee item with {@code Gia} above 0; an amount that is not a number is an error (it decides the figures). */
    private static boolean feeBearing(JsonNode fees) {
        if (fees == null || !fees.isArray()) {
            return false;
        }
        for (int i = 0; i < fees.size(); i++) {
            JsonNode fee = fees.get(i);
            String amount = fee.isObject() ? text(fee, "Gia") : null;
            if (amount == null || amount.isBlank()) {
                continue;
            }
            try {
                if (new BigDecimal(amount.trim().replace(",", "")).signum() > 0) {
                    return true;
                }
            } catch (NumberFormatException e) {
                throw new SnapshotFailure(
                        "DanhSachLePhi[" + i + "].Gia", "is not an amount: \"" + DvcqgDates.shorten(amount) + "\"");
            }
        }
        return false;
    }

    private static boolean electronicResult(JsonNode results) {
        if (results == null || !results.isArray()) {
            return false;
        }
        for (JsonNode result : results) {
            String path = result.isObject() ? text(result, "DuongDanTepTinKetQua") : null;
            if (path != null && !path.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private Instant date(JsonNode node, String field) {
        return DvcqgDates.parse(text(node, field), field, zone);
    }

    private static boolean oneOf(String text, String... values) {
        if (text == null) {
            return false;
        }
        for (String value : values) {
            if (value.equals(text.trim())) {
                return true;
            }
        }
        return false;
    }

    /** A scalar as text: DVCQG sends strings, some clients numbers; objects and arrays are not scalars. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asString();
        }
        throw new SnapshotFailure(field, "must be a string");
    }
}
