package vn.dossierstats.dossier.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dossierstats.dossier.IntegrationTest;

class CalendarIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aYearWithoutAnAdministratorsCalendarHasTheLabourCodeHolidays() {
        Response response = get("/api/v1/calendar/2027");
        assertThat(response.status()).isEqualTo(200);
        // Tết 2027 begins on 6 February; the last day of the lunar year is a holiday too
        assertThat(response.body()).contains("\"2027-02-05\"", "\"2027-02-06\"", "\"2027-02-09\"", "\"2027-09-02\"");
    }

    @Test
    void anAdministratorsCalendarReplacesTheYear() {
        // 2030: Saturday 5 January made working, Monday 7 January a holiday
        Response put = put(
                "/api/v1/calendar/2030",
                "{\"holidays\":[\"2030-01-01\",\"2030-01-07\"],\"workingDays\":[\"2030-01-05\"]}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(get("/api/v1/calendar/2030").body())
                .contains("\"holidays\":[\"2030-01-01\",\"2030-01-07\"]")
                .contains("\"workingDays\":[\"2030-01-05\"]");
    }

    @Test
    void aSwappedSaturdayCountsAndAHolidayDoesNot() {
        put("/api/v1/calendar/2025", "{\"holidays\":[\"2025-12-08\"],\"workingDays\":[\"2025-12-06\"]}");
        put("/api/v1/units/44", "{\"name\":\"Tỉnh Quảng Trị\",\"level\":\"PROVINCE\"}");
        put(
                "/api/v1/procedures/3.000001",
                "{\"name\":\"Thủ tục\",\"domain\":\"Hộ tịch\",\"processingTime\":{\"value\":2,\"unit\":\"WORKING_DAYS\"}}");
        String dossier = "CAL-" + UUID.randomUUID();
        // received Friday 5 December 2025 at 16:00: Saturday 6 works, Monday 8 is off -> due Tuesday 9 at 16:00
        assertThat(post(
                                "/api/v1/dossier-events",
                                "cal",
                                "{\"eventId\":\"c1\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier
                                        + "\",\"occurredAt\":\"2025-12-05T16:00:00+07:00\",\"unitCode\":\"44\","
                                        + "\"procedureCode\":\"3.000001\",\"channel\":\"DIRECT\"}")
                        .status())
                .isEqualTo(202);
        Awaitility.await().until(() -> get("/api/v1/dossiers/" + dossier).status() == 200);
        assertThat(get("/api/v1/dossiers/" + dossier).body()).contains("\"dueAt\":\"2025-12-09T16:00:00+07:00\"");
    }

    @Test
    void aHolidayLearntLaterMovesTheComputedDueInstantAndTheFactAtOnce() {
        put("/api/v1/units/44", "{\"name\":\"Tỉnh Quảng Trị\",\"level\":\"PROVINCE\"}");
        put(
                "/api/v1/procedures/3.000002",
                "{\"name\":\"Thủ tục\",\"domain\":\"Hộ tịch\",\"processingTime\":{\"value\":2,\"unit\":\"WORKING_DAYS\"}}");
        String computed = "CAL-" + UUID.randomUUID();
        String ownDue = "CAL-" + UUID.randomUUID();
        // received Monday 4 March 2024 at 09:15:30, 2 working days: due Wednesday 6 March at 09:15:30
        post("/api/v1/dossier-events", "cal", receipt("c2", computed, ""));
        post("/api/v1/dossier-events", "cal", receipt("c3", ownDue, ",\"dueAt\":\"2024-03-06T09:15:30+07:00\""));
        assertThat(get("/api/v1/dossiers/" + computed).body()).contains("\"dueAt\":\"2024-03-06T09:15:30+07:00\"");

        // Tuesday 5 March becomes a holiday: the computed due moves to Thursday, the source's own stays
        assertThat(put("/api/v1/calendar/2024", "{\"holidays\":[\"2024-03-05\"]}")
                        .status())
                .isEqualTo(200);
        assertThat(get("/api/v1/dossiers/" + computed).body()).contains("\"dueAt\":\"2024-03-07T09:15:30+07:00\"");
        assertThat(get("/api/v1/dossiers/" + ownDue).body()).contains("\"dueAt\":\"2024-03-06T09:15:30+07:00\"");
        var facts = readUntil("dossier.facts.v1", records -> records.stream()
                .anyMatch(r -> r.key().equals(computed) && r.value().contains("CALENDAR_CHANGED")));
        assertThat(facts.stream()
                        .filter(r -> r.key().equals(computed) && r.value().contains("CALENDAR_CHANGED"))
                        .findFirst()
                        .orElseThrow()
                        .value())
                .contains("\"dueAt\":\"2024-03-07T02:15:30Z\"");
        // the source's own due instant did not move: its dossier published nothing after its receipt
        assertThat(jdbc.sql("select fact_sequence from dossier where dossier_id = ?")
                        .param(ownDue)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    private static String receipt(String eventId, String dossier, String extra) {
        return "{\"eventId\":\"" + eventId + "-" + dossier + "\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"2024-03-04T09:15:30+07:00\",\"unitCode\":\"44\","
                + "\"procedureCode\":\"3.000002\",\"channel\":\"DIRECT\"" + extra + "}";
    }

    @Test
    void invalidCalendarsAreRejectedNamingTheList() {
        assertThat(put("/api/v1/calendar/2031", "{\"holidays\":[\"2030-12-31\"]}")
                        .body())
                .contains("\"field\":\"holidays\"");
        assertThat(put("/api/v1/calendar/2031", "{\"holidays\":[\"2031-01-04\"],\"workingDays\":[\"2031-01-04\"]}")
                        .status())
                .isEqualTo(400);
        Response weekday = put("/api/v1/calendar/2031", "{\"workingDays\":[\"2031-01-06\"]}");
        assertThat(weekday.status()).isEqualTo(400);
        assertThat(weekday.body()).contains("\"field\":\"workingDays\"");
        assertThat(put("/api/v1/calendar/2031", "{\"holidays\":[\"31/01/2031\"]}")
                        .body())
                .contains("holidays[0]");
        assertThat(get("/api/v1/calendar/twenty").status()).isEqualTo(400);
    }
}
