package vn.dossierstats.ranking.csv;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CsvFilterTest {

    private static final String BOARD = """
            {"level":"PROVINCE","parent":null,"period":"2026-07","indicator":"ON_TIME_RATE",
             "asOf":"2026-07-20T10:00:00+07:00","minVolume":20,
             "entries":[{"rank":1,"unitCode":"H26","unitName":"Tỉnh Hưng Yên","value":0.976,"volume":1234,
                         "previousRank":3,"movement":2},
                        {"rank":2,"unitCode":"H38","unitName":"Tỉnh Thanh Hóa, mới","value":0.9412,"volume":500,
                         "previousRank":null,"movement":null}],
             "unranked":[{"unitCode":"H40","unitName":"Tỉnh Nghệ An","value":1.0,"volume":3,
                          "reason":"INSUFFICIENT_VOLUME"}]}
            """;

    private final CsvFilter filter = new CsvFilter();

    @Test
    void aLeaderboardAsCsvHasItsRankedThenItsUnrankedUnitsWithTheJsonsFigures() throws Exception {
        MockHttpServletRequest request = get();
        request.addHeader(HttpHeaders.ACCEPT, "text/csv");

        MockHttpServletResponse response = run(request);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines)
                .containsExactly(
                        "level,parent,period,indicator,asOf,minVolume,rank,unitCode,unitName,value,volume,previousRank,movement,reason",
                        "PROVINCE,,2026-07,ON_TIME_RATE,2026-07-20T10:00:00+07:00,20,1,H26,Tỉnh Hưng Yên,0.976,1234,3,2,",
                        "PROVINCE,,2026-07,ON_TIME_RATE,2026-07-20T10:00:00+07:00,20,2,H38,\"Tỉnh Thanh Hóa, mới\",0.9412,500,,,",
                        "PROVINCE,,2026-07,ON_TIME_RATE,2026-07-20T10:00:00+07:00,20,,H40,Tỉnh Nghệ An,1.0,3,,,INSUFFICIENT_VOLUME");
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("leaderboard-PROVINCE-VN-2026-07-ON_TIME_RATE.csv");
    }

    @Test
    void withoutAskingForCsvTheJsonIsLeftAsItWas() throws Exception {
        MockHttpServletResponse response = run(get());

        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(BOARD);
        assertThat(response.getHeader(HttpHeaders.VARY)).isEqualTo("Accept");
    }

    @Test
    void theStreamIsNotConcerned() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/leaderboards/stream");
        request.setQueryString("format=csv");

        MockHttpServletResponse response = run(request);

        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(BOARD);
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            byte[] json = BOARD.getBytes(StandardCharsets.UTF_8);
            http.setStatus(200);
            http.setContentType("application/json");
            http.setHeader(HttpHeaders.ETAG, "\"json-tag\"");
            http.setContentLength(json.length);
            http.getOutputStream().write(json);
        });
        return response;
    }

    private static MockHttpServletRequest get() {
        return new MockHttpServletRequest("GET", "/api/v1/leaderboards");
    }
}
