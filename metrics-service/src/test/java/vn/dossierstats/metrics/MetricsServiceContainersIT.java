package vn.dossierstats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import vn.dossierstats.metrics.stream.StatisticsEngine;

/** The statistics engine on a containerised Kafka, where Docker exists; skipped cleanly where it does not. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "metrics.application-id=metrics-containers")
class MetricsServiceContainersIT {

    @Container
    @ServiceConnection
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Autowired
    StatisticsEngine engine;

    @BeforeAll
    static void topics() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()))) {
            admin.createTopics(Set.of(
                            new NewTopic("dossier.facts.v1", 1, (short) 1),
                            new NewTopic("catalogue.units.v1", 1, (short) 1),
                            new NewTopic("catalogue.procedures.v1", 1, (short) 1),
                            new NewTopic("catalogue.unit-procedures.v1", 1, (short) 1)))
                    .all()
                    .get();
        }
    }

    @Test
    void theTopologyRuns() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(engine::isProcessing);
        assertThat(engine.isProcessing()).isTrue();
    }
}
