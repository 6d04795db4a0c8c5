package vn.dossierstats.dossier.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dossierstats.dossier.IntegrationTest;

/** Each transition of the lifecycle through the HTTP API. Due: received Monday 6 July 2026 08:00, 3 working days. */
class LifecycleIT extends IntegrationTest {

    private String dossier;

    @BeforeEach
    void receive() {
        put("/api/v1/units/40", "{\"name\":\"Tỉnh Nghệ An\",\"level\":\"PROVINCE\"}");
        put(
                "/api/v1/procedures/4.000001",
                "{\"name\":\"Thủ tục\",\"domain\":\"Đất đai\",\"processingTime\":{\"value\":3,\"unit\":\"WORKING_DAYS\"}}");
        dossier = "LC-" + UUID.randomUUID();
        assertThat(send(
                        "r",
                        "RECEIVED",
                        "2026-07-06T08:00:00",
                        ",\"unitCode\":\"40\",\"procedureCode\":\"4.000001\","
                                + "\"channel\":\"ONLINE\",\"feeRequired\":true"))
                .isEqualTo(202);
    }

    @Test
    void aPauseThatEndsAfterTheOriginalDueButWithinTheExtendedOneIsOnTime() {
        assertThat(send("s1", "SUPPLEMENT_REQUESTED", "2026-07-07T08:00:00", ""))
                .isEqualTo(202);
        assertThat(send("s2", "SUPPLEMENT_RECEIVED", "2026-07-10T08:00:00", "")).isEqualTo(202);
        assertThat(send("e", "RESOLVED", "2026-07-12T07:30:00", "")).isEqualTo(202);
        String view = get("/api/v1/dossiers/" + dossier).body();
        assertThat(view).contains("\"dueAt\":\"2026-07-12T08:00:00+07:00\"").contains("\"classification\":\"ON_TIME\"");
    }

    @Test
    void twoSupplementRequestsMakeTheDossierLate() {
        send("s1", "SUPPLEMENT_REQUESTED", "2026-07-06T09:00:00", "");
        send("s2", "SUPPLEMENT_RECEIVED", "2026-07-06T10:00:00", "");
        send("s3", "SUPPLEMENT_REQUESTED", "2026-07-06T11:00:00", "");
        send("s4", "SUPPLEMENT_RECEIVED", "2026-07-06T11:10:00", "");
        send("e", "RESOLVED", "2026-07-07T09:00:00", "");
        assertThat(get("/api/v1/dossiers/" + dossier).body()).contains("\"classification\":\"LATE\"");
    }

    @Test
    void anApologyRecordsTheNewAppointmentButDoesNotRescueALateDossier() {
        assertThat(send("a", "DEADLINE_EXTENDED", "2026-07-08T10:00:00", ",\"newDueAt\":\"2026-07-15T17:00:00+07:00\""))
                .isEqualTo(202);
        send("e", "RESOLVED", "2026-07-10T09:00:00", "");
        String view = get("/api/v1/dossiers/" + dossier).body();
        assertThat(view)
                .contains("\"extendedDueAt\":\"2026-07-15T17:00:00+07:00\"")
                .contains("\"classification\":\"LATE\"");
    }

    @Test
    void paymentResultReturnAndRatingFollowTheResolution() {
        assertThat(send("p", "PAID", "2026-07-06T09:00:00", ",\"paymentChannel\":\"ONLINE\""))
                .isEqualTo(202);
        assertThat(send("e", "RESOLVED", "2026-07-07T09:00:00", ",\"result\":\"APPROVED\""))
                .isEqualTo(202);
        assertThat(send("rr", "RESULT_RETURNED", "2026-07-07T10:00:00", "")).isEqualTo(202);
        assertThat(send("rt", "RATED", "2026-07-07T11:00:00", ",\"rating\":\"VERY_SATISFIED\""))
                .isEqualTo(202);
        assertThat(get("/api/v1/dossiers/" + dossier).body())
                .contains("\"status\":\"RESULT_RETURNED\"")
                .contains("\"endedAt\":\"2026-07-07T09:00:00+07:00\"");
    }

    @Test
    void supplementingAClosedDossierIsRejectedNamingItsState() {
        send("w", "WITHDRAWN", "2026-07-06T09:00:00", "");
        Response response =
                post("/api/v1/dossier-events", "lc", event("s", "SUPPLEMENT_REQUESTED", "2026-07-06T10:00:00", ""));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("WITHDRAWN");
    }

    @Test
    void aResultReturnedWhileWaitingForASupplementWaitsForItAndThenApplies() {
        send("s1", "SUPPLEMENT_REQUESTED", "2026-07-06T09:00:00", "");
        assertThat(send("rr", "RESULT_RETURNED", "2026-07-06T10:00:00", "")).isEqualTo(202);
        String waiting = get("/api/v1/dossiers/" + dossier).body();
        assertThat(waiting)
                .contains("\"status\":\"WAITING_SUPPLEMENT\"")
                .contains("\"status\":\"WAITING\"")
                .contains("SUPPLEMENT_RECEIVED that ends the pause");

        assertThat(send("s2", "SUPPLEMENT_RECEIVED", "2026-07-06T09:30:00", "")).isEqualTo(202);
        String applied = get("/api/v1/dossiers/" + dossier).body();
        assertThat(applied).contains("\"status\":\"RESULT_RETURNED\"").doesNotContain("\"WAITING\"");
    }

    @Test
    void anEarlierDatedEndMakesAnAcceptedLaterEndInvalidAndVisible() {
        assertThat(send("e2", "STOPPED", "2026-07-08T09:00:00", "")).isEqualTo(202);
        assertThat(send("e1", "RESOLVED", "2026-07-07T09:00:00", "")).isEqualTo(202);
        String view = get("/api/v1/dossiers/" + dossier).body();
        assertThat(view)
                .contains("\"status\":\"RESOLVED\"")
                .contains("\"status\":\"INVALID\"")
                .contains("allows no STOPPED");
    }

    private int send(String id, String type, String localTime, String extra) {
        return post("/api/v1/dossier-events", "lc", event(id, type, localTime, extra))
                .status();
    }

    private String event(String id, String type, String localTime, String extra) {
        return "{\"eventId\":\"" + dossier + "-" + id + "\",\"type\":\"" + type + "\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"" + localTime + "+07:00\"" + extra + "}";
    }
}
