package vn.dossierstats.dossier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dossierstats.dossier.IntegrationTest;

/** Concurrent single events share transactions, and each answer still says what became of its own event, once stored. */
class GroupCommitIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void catalogue() {
        put("/api/v1/units/33", "{\"name\":\"Tỉnh Hưng Yên\",\"level\":\"PROVINCE\"}");
        put(
                "/api/v1/procedures/1.004227",
                "{\"name\":\"Đăng ký đất đai\",\"domain\":\"Đất đai\",\"processingTime\":{\"value\":3,\"unit\":\"WORKING_DAYS\"}}");
    }

    @Test
    void concurrentSingleEventsAreEachAnsweredForThemselvesAndStoredOnce() throws Exception {
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String dossier = "GC-" + run + "-" + (i % 100);
            String body = i < 100
                    ? received(dossier, "2026-07-06T08:00:00+07:00")
                    : i < 200
                            // the same RECEIVED again, concurrently: a duplicate, never a second effect
                            ? received(dossier, "2026-07-06T08:00:00+07:00")
                            // the same event id with other content: a conflict
                            : received(dossier, "2026-07-06T09:00:00+07:00");
            requests.add(() -> post("/api/v1/dossier-events", "gc-" + run, body));
        }
        List<Response> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(32)) {
            for (Future<Response> answer : clients.invokeAll(requests)) {
                answers.add(answer.get());
            }
        }
        // per dossier: exactly one of its three requests stored the receipt; a second identical one is a duplicate
        for (int d = 0; d < 100; d++) {
            List<Integer> statuses = List.of(
                    answers.get(d).status(),
                    answers.get(100 + d).status(),
                    answers.get(200 + d).status());
            assertThat(statuses).as("dossier %d", d).containsOnlyOnce(202);
            assertThat(statuses.stream().filter(s -> s == 202 || s == 200)).hasSizeBetween(1, 2);
        }
        assertThat(jdbc.sql("select count(*) from dossier_event where source = ?")
                        .param("gc-" + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(100L);
        assertThat(jdbc.sql("select count(*) from dossier where dossier_id like ? and fact_sequence = 1")
                        .param("GC-" + run + "-%")
                        .query(Long.class)
                        .single())
                .isEqualTo(100L);
    }

    private static String received(String dossier, String at) {
        return "{\"eventId\":\"" + dossier + "-r\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"" + at + "\",\"unitCode\":\"33\",\"procedureCode\":\"1.004227\","
                + "\"channel\":\"ONLINE\"}";
    }
}
