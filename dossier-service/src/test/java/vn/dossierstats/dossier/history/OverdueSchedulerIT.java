package vn.dossierstats.dossier.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.IntegrationTest;
import vn.dossierstats.dossier.outbox.Topics;

class OverdueSchedulerIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void anOpenDossierPassingItsDueInstantIsAnnouncedOverdue() {
        put("/api/v1/units/38", "{\"name\":\"Tỉnh Thanh Hóa\",\"level\":\"PROVINCE\"}");
        put(
                "/api/v1/procedures/1.000001",
                "{\"name\":\"Thủ tục\",\"domain\":\"Hộ tịch\",\"processingTime\":{\"value\":1,\"unit\":\"WORKING_DAYS\"}}");
        String dossier = "OD-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant due = now.plusSeconds(2);
        Response response = post(
                "/api/v1/dossier-events",
                "src-overdue",
                "{\"eventId\":\"od-1\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier + "\",\"occurredAt\":\""
                        + OffsetDateTime.ofInstant(now.minusSeconds(60), ZoneOffset.ofHours(7))
                        + "\",\"unitCode\":\"38\",\"procedureCode\":\"1.000001\",\"channel\":\"DIRECT\",\"dueAt\":\""
                        + OffsetDateTime.ofInstant(due, ZoneOffset.ofHours(7)) + "\"}");
        assertThat(response.status()).isEqualTo(202);

        var records = readUntil(Topics.DOSSIER_FACTS, all -> all.stream()
                .anyMatch(r -> r.key().equals(dossier) && r.value().contains("\"OVERDUE\"")));
        JsonNode overdue = records.stream()
                .filter(r -> r.key().equals(dossier) && r.value().contains("\"OVERDUE\""))
                .map(r -> json.readTree(r.value()))
                .findFirst()
                .orElseThrow();
        assertThat(overdue.get("sequence").asLong()).isEqualTo(2);
        assertThat(Instant.parse(overdue.get("overdueSince").asString())).isEqualTo(due);
        assertThat(overdue.get("status").asString()).isEqualTo("OPEN");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> json.readTree(
                        get("/api/v1/dossiers/" + dossier).body())
                .get("overdue")
                .asBoolean());
    }
}
