package vn.dossierstats.dossier.dvcqg;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.observability.DossierMeters;

/**
 * The DVCQG coordination services as one-stop-shop systems already call them (dvcqg.md): the envelope with
 * {@code service}, and bare arrays on the insert/update and progress URLs. Answers are what those clients read:
 * {@code error_code} {@code "0"} and a message containing "thành công" when every dossier applied, else {@code "-1"}
 * naming the failed dossiers; per-dossier outcomes beside them. The gateway authenticates (session, key or Basic) and
 * forwards the source as {@code X-Source-Id}; the login itself is answered by the gateway.
 */
@RestController
@RequestMapping("/api/v1/dvcqg")
class DvcqgController {

    private static final String SOURCE_HEADER = "X-Source-Id";
    /** As a batch of our own events: more would not fit one transaction's worth of work. */
    static final int MAX_ITEMS = 1000;

    /** How a push was shaped, a tag of {@code dossier.dvcqg.dossiers}: OpenCPS's envelope, or a bare array. */
    private static final String ENVELOPE = "envelope";

    private static final String BARE = "bare";

    private final DvcqgSync sync;
    private final DvcqgStore store;
    private final Catalogue catalogue;
    private final JsonMapper json;
    private final DossierMeters meters;

    DvcqgController(DvcqgSync sync, DvcqgStore store, Catalogue catalogue, JsonMapper json, DossierMeters meters) {
        this.sync = sync;
        this.store = store;
        this.catalogue = catalogue;
        this.json = json;
        this.meters = meters;
    }

    /** A request DVCQG clients cannot be answered for: their shape, with the HTTP status that says why. */
    static final class Refusal extends RuntimeException {

        private final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Map<String, Object>> refused(Refusal refusal) {
        return ResponseEntity.status(refusal.status).body(answer("-1", refusal.getMessage()));
    }

    @PostMapping
    Map<String, Object> envelope(
            @RequestHeader(name = SOURCE_HEADER, required = false) String source,
            @RequestBody(required = false) String body) {
        String sourceId = requireSource(source);
        JsonNode envelope = parse(body);
        if (!envelope.isObject()) {
            throw new Refusal(400, "body: must be a JSON object with service (or a bare array on /DongBoHoSoMC)");
        }
        String service = text(envelope, "service");
        if (service == null) {
            throw new Refusal(
                    400, "service: is required (DongBoHoSoMC, CapNhatTienDoHoSoMC, TraCuuHoSo or DongBoThongKeHoSo)");
        }
        String unit = text(envelope, "madonvi");
        return switch (service) {
            case "DongBoHoSoMC" ->
                snapshotsAnswer(
                        sync.snapshots(sourceId, new DvcqgSync.UnitHint(unit, "madonvi"), data(envelope)), ENVELOPE);
            case "CapNhatTienDoHoSoMC" -> progressAnswer(sync.progress(sourceId, data(envelope)), ENVELOPE);
            case "TraCuuHoSo" -> lookUp(envelope);
            case "LayThuTuc" -> procedureLookUp();
            case "DongBoThongKeHoSo" -> statistics(sourceId, unit, data(envelope));
            default ->
                throw new Refusal(
                        400,
                        "service: unknown service \"" + DvcqgDates.shorten(service)
                                + "\"; expected DongBoHoSoMC, CapNhatTienDoHoSoMC, TraCuuHoSo or DongBoThongKeHoSo");
        };
    }

    /** Hà Giang's and TD's shape: a bare array; the unit may be in the query. Insert and update alike. */
    @PostMapping("/DongBoHoSoMC")
    Map<String, Object> snapshots(
            @RequestHeader(name = SOURCE_HEADER, required = false) String source,
            @RequestParam(name = "MaDinhDanhDV", required = false) String unit,
            @RequestParam(name = "isUpdating", required = false) String isUpdating,
            @RequestBody(required = false) String body) {
        String sourceId = requireSource(source);
        JsonNode node = parse(body);
        // isUpdating is a hint only: an insert of a known dossier is an update, an update of an unknown one an insert
        if (node.isObject()) {
            String envelopeUnit = text(node, "madonvi");
            return snapshotsAnswer(
                    sync.snapshots(
                            sourceId,
                            envelopeUnit != null
                                    ? new DvcqgSync.UnitHint(envelopeUnit, "madonvi")
                                    : new DvcqgSync.UnitHint(unit, "MaDinhDanhDV"),
                            data(node)),
                    ENVELOPE);
        }
        return snapshotsAnswer(
                sync.snapshots(sourceId, new DvcqgSync.UnitHint(unit, "MaDinhDanhDV"), items(node, "body")), BARE);
    }

    @PostMapping("/CapNhatTienDoHoSoMC")
    Map<String, Object> progress(
            @RequestHeader(name = SOURCE_HEADER, required = false) String source,
            @RequestBody(required = false) String body) {
        String sourceId = requireSource(source);
        JsonNode node = parse(body);
        return node.isObject()
                ? progressAnswer(sync.progress(sourceId, data(node)), ENVELOPE)
                : progressAnswer(sync.progress(sourceId, items(node, "body")), BARE);
    }

    private Map<String, Object> lookUp(JsonNode envelope) {
        String code = text(envelope, "mahoso");
        if (code == null) {
            code = text(envelope, "MaHoSo");
        }
        if (code == null || code.isBlank()) {
            throw new Refusal(400, "mahoso: is required: the dossier code to look up");
        }
        List<Map<String, Object>> result = new ArrayList<>();
        String dossierCode = code.trim();
        sync.lookUp(dossierCode).ifPresent(status -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("MaHoSo", dossierCode);
            item.put("TrangThaiHoSo", status.map(String::valueOf).orElse(""));
            result.add(item);
        });
        Map<String, Object> answer = answer("0", "Tra cứu thành công");
        answer.put("result", result);
        return answer;
    }

    /**
     * {@code LayThuTuc}: OpenCPS asks the portal for a procedure's name and domain before it builds each snapshot, and
     * logs an error when the call fails. Those fields are only shown (the catalogue has the procedure), so the answer
     * is an empty {@code result}, with which OpenCPS sends them blank, as when the portal does not know a procedure.
     */
    private static Map<String, Object> procedureLookUp() {
        Map<String, Object> answer = answer("0", "Tra cứu thủ tục thành công");
        answer.put("result", List.of());
        return answer;
    }

    /**
     * {@code DongBoThongKeHoSo}: each item a unit's counts for one month, {@code Nam} and {@code Thang} (or
     * {@code KyBaoCao} {@code yyyy-MM}); the unit is the item's {@code MaDonVi}, else the envelope's
     * {@code madonvi}. Kept as sent, set beside our figures by the reconciliation read.
     */
    private Map<String, Object> statistics(String source, String envelopeUnit, List<JsonNode> items) {
        List<Map<String, Object>> results = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("index", i);
            try {
                if (!item.isObject()) {
                    throw new SnapshotFailure("data[" + i + "]", "must be a JSON object");
                }
                String dvcqgCode = text(item, "MaDonVi") != null ? text(item, "MaDonVi") : envelopeUnit;
                if (dvcqgCode == null || dvcqgCode.isBlank()) {
                    throw new SnapshotFailure("MaDonVi", "is required (or madonvi in the envelope)");
                }
                String unit = catalogue
                        .unitOfDvcqgCode(dvcqgCode.trim())
                        .orElseThrow(() ->
                                new SnapshotFailure("MaDonVi", "unknown unit: no unit has DVCQG code " + dvcqgCode));
                String period = period(item);
                Map<String, String> counts = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                item.properties().iterator();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                        counts.put(field.getKey(), field.getValue().asString());
                    }
                }
                store.saveCounts(source, unit, period, counts, sync.clock().instant());
                result.put("unitCode", unit);
                result.put("period", period);
                result.put("status", "APPLIED");
            } catch (SnapshotFailure failure) {
                result.put("status", "FAILED");
                result.put("field", failure.field());
                result.put("message", failure.getMessage());
                failed.add("#" + i + " (" + failure.field() + ")");
            }
            results.add(result);
        }
        Map<String, Object> answer = failed.isEmpty()
                ? answer("0", "Đồng bộ thống kê thành công " + items.size() + " bản ghi")
                : answer("-1", "Lỗi: bản ghi không được đồng bộ: " + String.join(", ", failed));
        answer.put("results", results);
        return answer;
    }

    private static String period(JsonNode item) {
        String period = text(item, "KyBaoCao");
        try {
            if (period != null) {
                return YearMonth.parse(period.trim()).toString();
            }
            String year = text(item, "Nam");
            String month = text(item, "Thang");
            if (year == null || month == null) {
                throw new SnapshotFailure("Nam", "Nam and Thang (or KyBaoCao yyyy-MM) are required");
            }
            return YearMonth.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()))
                    .toString();
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new SnapshotFailure("Thang", "is not a month: Nam yyyy and Thang 1–12, or KyBaoCao yyyy-MM");
        }
    }

    private Map<String, Object> snapshotsAnswer(List<DossierOutcome> outcomes, String shape) {
        count("DongBoHoSoMC", shape, outcomes);
        return outcomesAnswer(outcomes, "Đồng bộ thành công " + outcomes.size() + " hồ sơ");
    }

    private Map<String, Object> progressAnswer(List<DossierOutcome> outcomes, String shape) {
        count("CapNhatTienDoHoSoMC", shape, outcomes);
        return outcomesAnswer(outcomes, "Cập nhật tiến độ thành công " + outcomes.size() + " hồ sơ");
    }

    private void count(String service, String shape, List<DossierOutcome> outcomes) {
        for (DossierOutcome outcome : outcomes) {
            String counted = outcome.failed()
                    ? "failed"
                    : outcome.accepted() != null && outcome.accepted() > 0 ? "applied" : "unchanged";
            meters.dvcqgDossier(service, shape, counted);
        }
    }

    private static Map<String, Object> outcomesAnswer(List<DossierOutcome> outcomes, String success) {
        List<String> failed = outcomes.stream()
                .filter(DossierOutcome::failed)
                .map(o -> (o.dossierCode() == null ? "(no MaHoSo)" : o.dossierCode()) + " (" + o.field() + ")")
                .toList();
        // never "đã tồn tại" (TD would re-send to its update URL), and no "thành công" unless all applied
        Map<String, Object> answer = failed.isEmpty()
                ? answer("0", success)
                : answer("-1", "Lỗi: " + failed.size() + " hồ sơ không được đồng bộ: " + String.join(", ", failed));
        answer.put("results", outcomes);
        return answer;
    }

    static Map<String, Object> answer(String errorCode, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error_code", errorCode);
        answer.put("message", message);
        return answer;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new Refusal(400, "body: a JSON object (envelope) or array (snapshots) is required");
        }
        try {
            JsonNode node = json.reader()
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .readTree(body);
            if (node == null || !(node.isObject() || node.isArray())) {
                throw new Refusal(400, "body: must be a JSON object (envelope) or array (snapshots)");
            }
            return node;
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw new Refusal(
                    400,
                    "body: malformed JSON"
                            + (location == null
                                    ? ""
                                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr()));
        }
    }

    private static List<JsonNode> data(JsonNode envelope) {
        JsonNode data = envelope.get("data");
        if (data == null || data.isNull()) {
            throw new Refusal(400, "data: is required: an array of snapshots or items");
        }
        return items(data, "data");
    }

    private static List<JsonNode> items(JsonNode array, String field) {
        if (!array.isArray()) {
            throw new Refusal(400, field + ": must be an array");
        }
        if (array.isEmpty() || array.size() > MAX_ITEMS) {
            throw new Refusal(400, field + ": must hold 1 to " + MAX_ITEMS + " items, not " + array.size());
        }
        List<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        return items;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new Refusal(400, field + ": must be a string");
        }
        return value.asString();
    }

    private static String requireSource(String source) {
        if (source == null || source.isBlank()) {
            throw new Refusal(
                    401,
                    "the source system is unknown: push through the gateway with a session, X-Api-Key or HTTP Basic");
        }
        return source;
    }
}
