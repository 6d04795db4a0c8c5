package vn.dossierstats.metrics.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.metrics.report.Report;
import vn.dossierstats.unitstats.PeriodCounts;

class CsvFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OffsetDateTime FROM = OffsetDateTime.parse("2026-07-01T00:00:00+07:00");

    private final CsvFilter filter = new CsvFilter();

    @Test
    void aChildrenAnswerAsCsvHasOneRowPerChildWithTheJsonsFigures() throws Exception {
        byte[] json = JSON.writeValueAsBytes(Map.of(
                "unitCode",
                "H26",
                "period",
                "2026-07",
                "children",
                List.of(
                        report("H26.01", "Phường Phố Hiến, \"mới\"", 7, 2, 1),
                        report("H26.02", "Xã Tân Lập", 0, 0, 0))));
        MockHttpServletRequest request = get("/api/v1/stats/units/H26/children");
        request.addHeader(HttpHeaders.ACCEPT, "text/csv");

        MockHttpServletResponse response = run(request, json);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader(HttpHeaders.VARY)).isEqualTo("Accept");
        assertThat(response.getHeader(HttpHeaders.ETAG)).isNotEqualTo("\"json-tag\"");
        String[] lines = csvText(response).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(String.join(",", ReportTable.COLUMNS));
        assertThat(lines[1]).startsWith("H26.01,\"Phường Phố Hiến, \"\"mới\"\"\",COMMUNE,2026-07,");
        JsonNode first = JSON.readTree(json).get("children").get(0);
        List<String> row = ReportTable.row(first);
        assertThat(row.get(ReportTable.COLUMNS.indexOf("ended.early"))).isEqualTo("7");
        assertThat(row.get(ReportTable.COLUMNS.indexOf("onTimeRate")))
                .isEqualTo(first.get("onTimeRate").toString())
                .isEqualTo("0.9");
        assertThat(lines[2]).endsWith(",,,,,");
    }

    @Test
    void theFormatParameterAsksForCsvWhateverTheAcceptAndTheControllerStillSeesJson() throws Exception {
        MockHttpServletRequest request = get("/api/v1/stats/units/H26");
        request.setQueryString("format=csv");
        request.addHeader(HttpHeaders.ACCEPT, "application/json");
        String[] seenAccept = new String[1];

        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            seenAccept[0] = ((jakarta.servlet.http.HttpServletRequest) req).getHeader(HttpHeaders.ACCEPT);
            writeJson(
                    (jakarta.servlet.http.HttpServletResponse) res,
                    JSON.writeValueAsBytes(report("H26", "Tỉnh Hưng Yên", 1, 1, 0)));
        });

        assertThat(seenAccept[0]).isEqualTo("application/json");
        assertThat(csvText(response).split("\r\n")).hasSize(2);
        assertThat(csvText(response)).contains("Tỉnh Hưng Yên");
    }

    @Test
    void aCallerHoldingTheCsvsTagGetsNotModified() throws Exception {
        byte[] json = JSON.writeValueAsBytes(report("H26", "Tỉnh Hưng Yên", 1, 1, 0));
        MockHttpServletRequest first = get("/api/v1/stats/units/H26");
        first.setQueryString("format=csv");
        String tag = run(first, json).getHeader(HttpHeaders.ETAG);

        MockHttpServletRequest again = get("/api/v1/stats/units/H26");
        again.setQueryString("format=csv");
        again.addHeader(HttpHeaders.IF_NONE_MATCH, tag);
        MockHttpServletResponse response = run(again, json);

        assertThat(response.getStatus()).isEqualTo(304);
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void jsonIsLeftAsTheControllerWroteIt() throws Exception {
        byte[] json = JSON.writeValueAsBytes(report("H26", "Tỉnh Hưng Yên", 1, 1, 0));

        MockHttpServletResponse response = run(get("/api/v1/stats/units/H26/series"), json);

        assertThat(response.getContentAsByteArray()).isEqualTo(json);
        assertThat(response.getHeader(HttpHeaders.ETAG)).isEqualTo("\"json-tag\"");
    }

    @Test
    void anUnknownFormatIsAProblemNamingTheParameter() throws Exception {
        MockHttpServletRequest request = get("/api/v1/stats/units/H26");
        request.setQueryString("period=2026-07&format=xml");

        MockHttpServletResponse response = run(request, new byte[0]);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"field\":\"format\"");
    }

    @Test
    void aProblemFromTheControllerStaysAProblem() throws Exception {
        MockHttpServletRequest request = get("/api/v1/stats/units/NOPE");
        request.setQueryString("format=csv");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            http.setStatus(404);
            http.setContentType("application/problem+json");
            http.getOutputStream().write("{\"status\":404}".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":404}");
    }

    @Test
    void theFormatIsReadFromTheRawQuerySoThatAnUnreadableQueryIsLeftToTheController() {
        assertThat(CsvFilter.formatParameter("period=2026-07&format=csv")).isEqualTo("csv");
        assertThat(CsvFilter.formatParameter("%FF=2025-07")).isNull();
        assertThat(CsvFilter.formatParameter("x&".repeat(1001) + "period=2025-07"))
                .isNull();
        assertThat(CsvFilter.formatParameter("format=%G1")).isEqualTo("format=%G1");
        assertThat(CsvFilter.formatParameter(null)).isNull();
    }

    private MockHttpServletResponse run(MockHttpServletRequest request, byte[] json) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(
                request, response, (req, res) -> writeJson((jakarta.servlet.http.HttpServletResponse) res, json));
        return response;
    }

    private static void writeJson(jakarta.servlet.http.HttpServletResponse response, byte[] json)
            throws java.io.IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader(HttpHeaders.ETAG, "\"json-tag\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=0, must-revalidate");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    private static MockHttpServletRequest get(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return request;
    }

    private static String csvText(MockHttpServletResponse response) {
        byte[] bytes = response.getContentAsByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    private static Report report(String code, String name, long early, long onTime, long late) {
        PeriodCounts counts = new PeriodCounts(early + onTime + late, 0, 0, 0, 0, early, onTime, late, 0, 0, 0, 0, 0);
        return Report.of(code, name, "COMMUNE", "2026-07", FROM, FROM.plusMonths(1), FROM.plusDays(20), counts);
    }
}
