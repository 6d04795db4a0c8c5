package vn.dossierstats.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The same service on containerised PostgreSQL and Kafka, where Docker exists; skipped cleanly where it does not. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierServiceContainersIT {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17.6-alpine");

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @LocalServerPort
    int port;

    @Test
    void acceptsAnEventForASeededProvince() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/procedures/1.1"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"P\",\"domain\":\"Hộ tịch\","
                                + "\"processingTime\":{\"value\":1,\"unit\":\"WORKING_DAYS\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dossier-events"))
                        .header("Content-Type", "application/json")
                        .header("X-Source-Id", "containers")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"eventId\":\"c-1\",\"type\":\"RECEIVED\","
                                + "\"dossierId\":\"C-1\",\"occurredAt\":\"2026-07-06T08:00:00+07:00\",\"unitCode\":\"33\","
                                + "\"procedureCode\":\"1.1\",\"channel\":\"ONLINE\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
    }
}
