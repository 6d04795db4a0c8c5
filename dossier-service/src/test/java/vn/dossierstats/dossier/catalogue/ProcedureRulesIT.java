package vn.dossierstats.dossier.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dossierstats.dossier.IntegrationTest;

/** A procedure's processing time is the rule in force at receipt (domain.md, Changes of the calendar and the catalogue). */
class ProcedureRulesIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private final String code = "PR." + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aNewRuleGovernsOnlyTheReceiptsAfterItAndABackdatedOneMovesThoseItNowGoverns() {
        put("/api/v1/units/45", "{\"name\":\"Tỉnh Quảng Ngãi\",\"level\":\"PROVINCE\"}");
        // 1 working day from 1 March 2024 (the first rule governs every older receipt too)
        assertThat(put("/api/v1/procedures/" + code, procedure(1, "2024-03-01T00:00:00+07:00"))
                        .status())
                .isEqualTo(201);
        String before = receive("2024-02-05T09:00:00+07:00");
        String after = receive("2024-04-01T09:00:00+07:00");
        assertThat(dueOf(before)).isEqualTo("2024-02-06T09:00:00+07:00");
        assertThat(dueOf(after)).isEqualTo("2024-04-02T09:00:00+07:00");

        // 3 working days from 15 March 2024: the April receipt moves, the February one keeps the first rule
        assertThat(put("/api/v1/procedures/" + code, procedure(3, "2024-03-15T00:00:00+07:00"))
                        .status())
                .isEqualTo(200);
        assertThat(dueOf(after)).isEqualTo("2024-04-04T09:00:00+07:00");
        assertThat(dueOf(before)).isEqualTo("2024-02-06T09:00:00+07:00");
        // published at once, not when the dossier's next event happens to arrive
        assertThat(lastFact(after))
                .contains("\"dueAt\":\"2024-04-04T02:00:00Z\"")
                .contains("PROCEDURE_CHANGED");
        assertThat(lastFact(before))
                .contains("\"dueAt\":\"2024-02-06T02:00:00Z\"")
                .doesNotContain("PROCEDURE_CHANGED");

        // a rule that takes effect later governs none of them
        put("/api/v1/procedures/" + code, procedure(10, "2024-06-01T00:00:00+07:00"));
        assertThat(dueOf(after)).isEqualTo("2024-04-04T09:00:00+07:00");
        assertThat(dueOf(receive("2024-06-03T09:00:00+07:00"))).isEqualTo("2024-06-17T09:00:00+07:00");
    }

    private String receive(String at) {
        String dossier = "PR-" + UUID.randomUUID();
        assertThat(post(
                                "/api/v1/dossier-events",
                                "pr",
                                "{\"eventId\":\"" + dossier + "\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier
                                        + "\",\"occurredAt\":\"" + at + "\",\"unitCode\":\"45\",\"procedureCode\":\""
                                        + code + "\",\"channel\":\"DIRECT\"}")
                        .status())
                .isEqualTo(202);
        return dossier;
    }

    private String lastFact(String dossier) {
        return jdbc.sql("select last_fact from dossier where dossier_id = ?")
                .param(dossier)
                .query(String.class)
                .single();
    }

    private String dueOf(String dossier) {
        String view = get("/api/v1/dossiers/" + dossier).body();
        int at = view.indexOf("\"dueAt\":\"") + 9;
        return view.substring(at, view.indexOf('"', at));
    }

    private static String procedure(int days, String effectiveFrom) {
        return "{\"name\":\"Thủ tục\",\"domain\":\"Tư pháp\",\"processingTime\":{\"value\":" + days
                + ",\"unit\":\"WORKING_DAYS\"},\"effectiveFrom\":\"" + effectiveFrom + "\"}";
    }
}
