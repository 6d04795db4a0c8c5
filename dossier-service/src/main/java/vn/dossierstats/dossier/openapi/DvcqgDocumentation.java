package vn.dossierstats.dossier.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;

/**
 * The DVCQG endpoints (issue 20, README "Speaking DVCQG"): their bodies are read as raw JSON in DVCQG's own shapes,
 * so they are declared here. The login is answered by the gateway, so it is added here to be found in one document.
 */
final class DvcqgDocumentation {

    private static final String SCHEMAS = "#/components/schemas/";

    private DvcqgDocumentation() {}

    static void schemas(Components components) {
        components.addSchemas(
                "DvcqgSnapshot",
                new ObjectSchema()
                        .description("One DongBoHoSoMC snapshot as the portal defines it: every value a string; dates"
                                + " yyyyMMddHHmmss (local time) or ISO-8601, \"\" or null when absent. Fields not listed"
                                + " (applicant, contacts, files) are accepted and ignored.")
                        .addProperty("MaHoSo", new StringSchema().maxLength(64))
                        .addProperty("MaTTHC", new StringSchema())
                        .addProperty(
                                "KenhThucHien",
                                new StringSchema().description("1 in person (default), 2 online, 3 postal"))
                        .addProperty("TrangThaiHoSo", new StringSchema().description("1–10, or \"\""))
                        .addProperty("NgayNopHoSo", new StringSchema())
                        .addProperty("NgayTiepNhan", new StringSchema())
                        .addProperty("NgayHenTra", new StringSchema())
                        .addProperty("NgayKetThucXuLy", new StringSchema())
                        .addProperty("NgayTra", new StringSchema())
                        .addProperty("NgayTuChoi", new StringSchema())
                        .addProperty("DuocThanhToanTrucTuyen", new StringSchema())
                        .addProperty("HoSoCoThanhPhanSoHoa", new StringSchema())
                        .addProperty(
                                "DanhSachLePhi",
                                new ArraySchema().items(new ObjectSchema().addProperty("Gia", new StringSchema())))
                        .addProperty(
                                "DanhSachHoSoBoSung",
                                new ArraySchema()
                                        .items(new ObjectSchema()
                                                .addProperty("HoSoBoSungId", new StringSchema())
                                                .addProperty("NgayBoSung", new StringSchema())
                                                .addProperty("NgayTiepNhanBoSung", new StringSchema())))
                        .required(List.of("MaHoSo", "MaTTHC")));
        components.addSchemas(
                "DvcqgProgressItem",
                new ObjectSchema()
                        .addProperty("MaHoSo", new StringSchema())
                        .addProperty("ThoiDiemXuLy", new StringSchema())
                        .addProperty("TrangThai", new StringSchema())
                        .required(List.of("MaHoSo", "ThoiDiemXuLy", "TrangThai")));
        components.addSchemas(
                "DvcqgEnvelope",
                new ObjectSchema()
                        .description("OpenCPS's envelope. service: DongBoHoSoMC (data: snapshots), CapNhatTienDoHoSoMC"
                                + " (data: progress items), TraCuuHoSo (mahoso), LayThuTuc (maTTHC: answered with an empty"
                                + " result, so OpenCPS sends the procedure's name blank), DongBoThongKeHoSo (data: a unit's"
                                + " monthly counts: Nam, Thang or KyBaoCao yyyy-MM, MaDonVi, SoNhanTrongKy, SoTonKyTruoc,"
                                + " TongDaXuLy, TongXuLyTruocHan, TongXuLyDungHan, TongXuLyTreHan, TongChuaXuLy)."
                                + " isUpdating is a hint only.")
                        .addProperty("session", new StringSchema().description("from POST /api/v1/dvcqg/auth"))
                        .addProperty("madonvi", new StringSchema().description("the unit's DVCQG code (dvcqgCode)"))
                        .addProperty("service", new StringSchema())
                        .addProperty("isUpdating", new StringSchema())
                        .addProperty("mahoso", new StringSchema())
                        .addProperty(
                                "data",
                                new ArraySchema().items(new ObjectSchema()).maxItems(1000))
                        .required(List.of("service")));
        components.addSchemas(
                "DvcqgAnswer",
                new ObjectSchema()
                        .description("error_code \"0\" and a message containing \"thành công\" when every dossier"
                                + " applied (duplicates included); otherwise \"-1\" naming the failed dossiers. results:"
                                + " one outcome per dossier (MaHoSo, status APPLIED|STORED|FAILED, accepted, duplicates,"
                                + " waitingFor: what its status announces without an instant yet, field and message"
                                + " when it failed).")
                        .addProperty("error_code", new StringSchema())
                        .addProperty("message", new StringSchema())
                        .addProperty("results", new ArraySchema().items(new ObjectSchema())));
    }

    static void describe(String path, Operation operation) {
        operation.setSecurity(List.of(
                new SecurityRequirement().addList(ApiDocumentation.SOURCE_KEY),
                new SecurityRequirement().addList(ApiDocumentation.BASIC),
                new SecurityRequirement()));
        Schema<?> body = path.endsWith("/DongBoHoSoMC")
                ? new ArraySchema().items(ref("DvcqgSnapshot")).minItems(1).maxItems(1000)
                : path.endsWith("/CapNhatTienDoHoSoMC")
                        ? new ArraySchema()
                                .items(ref("DvcqgProgressItem"))
                                .minItems(1)
                                .maxItems(1000)
                        : ref("DvcqgEnvelope");
        operation.setRequestBody(new RequestBody()
                .required(true)
                .content(new Content().addMediaType("application/json", new MediaType().schema(body))));
        operation.setResponses(new ApiResponses()
                .addApiResponse("200", answer("Processed: see error_code and the per-dossier results"))
                .addApiResponse("400", answer("Malformed body or envelope"))
                .addApiResponse("401", answer("No valid session, key or Basic credentials")));
    }

    static void login(Paths paths) {
        paths.addPathItem(
                "/api/v1/dvcqg/auth",
                new PathItem()
                        .post(new Operation()
                                .summary("DVCQG login (answered by the gateway)")
                                .description("username: the source id; password: the source key. The session"
                                        + " expires after gateway.dvcqg.session-ttl (1 h by default, expires_in says it)"
                                        + " and dies with its key (revoked or rotated).")
                                .requestBody(new RequestBody()
                                        .required(true)
                                        .content(new Content()
                                                .addMediaType(
                                                        "application/json",
                                                        new MediaType()
                                                                .schema(new ObjectSchema()
                                                                        .addProperty("username", new StringSchema())
                                                                        .addProperty("password", new StringSchema())))))
                                .responses(new ApiResponses()
                                        .addApiResponse("200", answer("error_code \"0\", session, expires_in"))
                                        .addApiResponse("401", answer("wrong credentials")))));
    }

    private static ApiResponse answer(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType("application/json", new MediaType().schema(ref("DvcqgAnswer"))));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref(SCHEMAS + name);
    }
}
