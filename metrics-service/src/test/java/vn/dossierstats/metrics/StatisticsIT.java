package vn.dossierstats.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.metrics.stream.StatisticsEngine;

/** The service on a real KRaft broker: facts in, reports out over HTTP; a crash mid-flow loses and doubles nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatisticsIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /**
     * The service's clock: 10:00 on Wednesday 18 November 2026 in Vietnam when the tests start, ticking from there.
     * The hours before it are on the same local day, and the hand-worked July is a closed month, whatever the hour,
     * date and zone of the machine that runs the tests.
     */
    private static final Clock CLOCK = startedAt(OffsetDateTime.parse("2026-11-18T10:00:00+07:00"));

    private static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, String> producer;

    static {
        KAFKA.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        KAFKA.afterPropertiesSet();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString()))) {
            // declared by dossier-service in production
            admin.createTopics(Set.of(
                            new NewTopic("dossier.facts.v1", 2, (short) 1),
                            new NewTopic("catalogue.units.v1", 2, (short) 1),
                            new NewTopic("catalogue.procedures.v1", 1, (short) 1),
                            new NewTopic("catalogue.unit-procedures.v1", 1, (short) 1)))
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    StatisticsEngine engine;

    @Autowired
    MetricsProperties properties;

    @TestBean
    Clock clock;

    static Clock clock() {
        return CLOCK;
    }

    private static Clock startedAt(OffsetDateTime start) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start.toInstant()));
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
        registry.add("metrics.state-dir", () -> {
            try {
                return Files.createTempDirectory("metrics-it").toString();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        registry.add("metrics.application-id", () -> "metrics-it-" + System.nanoTime());
        registry.add("metrics.topic-partitions", () -> 2);
    }

    @BeforeAll
    static void catalogue() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        send(
                "catalogue.units.v1",
                "33",
                "{\"code\":\"33\",\"name\":\"Tỉnh Hưng Yên\",\"level\":\"PROVINCE\",\"parentCode\":null}");
        send(
                "catalogue.units.v1",
                "33.001",
                "{\"code\":\"33.001\",\"name\":\"Xã A\",\"level\":\"COMMUNE\",\"parentCode\":\"33\"}");
        send(
                "catalogue.units.v1",
                "33.002",
                "{\"code\":\"33.002\",\"name\":\"Xã B\",\"level\":\"COMMUNE\",\"parentCode\":\"33\"}");
        send(
                "catalogue.units.v1",
                "CR",
                "{\"code\":\"CR\",\"name\":\"Tỉnh C\",\"level\":\"PROVINCE\",\"parentCode\":null}");
        send(
                "catalogue.units.v1",
                "ET",
                "{\"code\":\"ET\",\"name\":\"Tỉnh E\",\"level\":\"PROVINCE\",\"parentCode\":null}");
        send(
                "catalogue.units.v1",
                "ET.001",
                "{\"code\":\"ET.001\",\"name\":\"Xã E\",\"level\":\"COMMUNE\",\"parentCode\":\"ET\"}");
        send(
                "catalogue.units.v1",
                "CR.001",
                "{\"code\":\"CR.001\",\"name\":\"Xã C\",\"level\":\"COMMUNE\",\"parentCode\":\"CR\"}");
    }

    /** The topology starts once its topics exist; on a loaded machine that can take a while. */
    @BeforeEach
    void awaitEngine() {
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(engine::isProcessing);
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void aResolvedDossierIsCountedForTheCommuneAndTheProvinceWithinASecond() throws Exception {
        Instant now = CLOCK.instant();
        String today = LocalDate.ofInstant(now, ZONE).toString();
        Instant received = now.minusSeconds(3600); // today: the clock started at 10:00
        send("dossier.facts.v1", "IT-1", fact("IT-1", 1, "33.002", received, null, null));
        send("dossier.facts.v1", "IT-1", fact("IT-1", 2, "33.002", received, now.minusSeconds(60), "ON_TIME"));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode commune = get("/api/v1/stats/units/33.002?period=" + today);
            assertThat(commune.get("ended").get("onTime").asLong()).isEqualTo(1);
            assertThat(commune.get("received").get("new").asLong()).isEqualTo(1);
            assertThat(commune.get("onTimeRate").asDouble()).isEqualTo(1.0);
        });
        JsonNode children = get("/api/v1/stats/units/33/children?period=" + today);
        assertThat(children.get("children")).hasSize(2);
        assertThat(children.get("children").get(1).get("unitCode").asString()).isEqualTo("33.002");
        JsonNode series = get("/api/v1/stats/units/33.002/series?granularity=day&from=" + today + "&to=" + today);
        assertThat(series.get("points")).hasSize(1);
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        assertThat(status("/api/v1/stats/units/nope")).isEqualTo(404);
        assertThat(status("/api/v1/stats/units/33?period=2026-13")).isEqualTo(400);
        int thisYear = LocalDate.now(CLOCK.withZone(ZONE)).getYear();
        assertThat(status("/api/v1/stats/units/33?period=" + (thisYear + 1))).isEqualTo(400); // starts after now
        assertThat(status("/api/v1/stats/units/33?period=0000")).isEqualTo(400);
        assertThat(status("/api/v1/stats/units/33/series?granularity=year&from=1999&to=2000"))
                .isEqualTo(400);
    }

    /**
     * Reached without the gateway (inside the cluster), a query Tomcat cannot read is the caller's fault: a name or
     * value that is not UTF-8 once percent-decoded, a value without a name, more parameters than the container reads.
     */
    @Test
    void aQueryThatCannotBeReadIsAProblemNotAFailure() throws Exception {
        for (String query : List.of(
                "period=%ED%A0%80",
                "period=2025-07&x=%FF",
                "period=%C0%AE",
                "%FF=2025-07",
                "=2025-07",
                "x&".repeat(1001) + "period=2025-07")) {
            for (String path : List.of(
                    "/api/v1/stats/units/33?",
                    "/api/v1/stats/units/33/children?",
                    "/api/v1/stats/units/33/series?granularity=month&from=2025-01&to=2025-02&")) {
                HttpResponse<String> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + query))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).as(path + query).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(response.body())
                        .contains("\"status\":400", "\"type\":\"about:blank\"")
                        .doesNotContain("Parameter [", "Exception");
            }
        }
    }

    /**
     * Headers the container or Spring MVC cannot read are the caller's fault too, and every refusal has its problem
     * body: an Accept-Language of more languages than Tomcat reads, an Accept that cannot be parsed or lists no JSON.
     */
    @Test
    void aHeaderThatCannotBeReadIsAProblemNotAFailure() throws Exception {
        for (var request : List.of(
                Map.entry("/api/v1/stats/units/33?period=2025|Accept-Language|a,b,c,d,e,f,g,h,i,j,k", 400),
                Map.entry("/api/v1/stats/units/33?period=2025|Accept|a/b/c", 406),
                Map.entry("/api/v1/stats/units/33/children?period=2025|Accept|*/*;q=abc", 406),
                Map.entry("/api/v1/stats/units/33/series?granularity=year&from=2025&to=2025|Accept|text/html", 406),
                Map.entry("/api/v1/stats/units/33/nope|Accept|;;;", 404))) {
            String[] target = request.getKey().split("\\|");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + target[0]))
                                    .header(target[1], target[2])
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(request.getKey()).isEqualTo(request.getValue());
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(request.getKey())
                    .startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":" + request.getValue(), "\"type\":\"about:blank\"");
        }
    }

    @Test
    void theApiDocsDescribeTheThreeStatisticsPaths() throws Exception {
        JsonNode doc = get("/v3/api-docs");
        assertThat(doc.get("paths").propertyNames())
                .containsExactlyInAnyOrder(
                        "/api/v1/stats/units/{unitCode}",
                        "/api/v1/stats/units/{unitCode}/children",
                        "/api/v1/stats/units/{unitCode}/series",
                        "/api/v1/stats/units/{unitCode}/index",
                        "/api/v1/stats/units/{unitCode}/children/index",
                        "/api/v1/stats/units/{unitCode}/series/index",
                        "/api/v1/stats/country");
        assertThat(doc.at("/paths/~1api~1v1~1stats~1units~1{unitCode}/get/parameters")
                        .toString())
                .contains("\"period\"");
        // served as prepared bytes, still described as the report; a 304 has no body
        JsonNode responses = doc.at("/paths/~1api~1v1~1stats~1units~1{unitCode}/get/responses");
        assertThat(responses.at("/200/content/application~1json/schema/$ref").asString())
                .endsWith("/Report");
        assertThat(responses.at("/304/content").isMissingNode()).isTrue();
        assertThat(doc.at(
                                "/paths/~1api~1v1~1stats~1units~1{unitCode}~1children/get/responses/200/content/application~1json/schema/type")
                        .asString())
                .isEqualTo("object");
    }

    @Test
    void aCrashWhileFactsFlowLosesNothingAndCountsNothingTwice() throws Exception {
        Instant now = CLOCK.instant();
        String today = LocalDate.ofInstant(now, ZONE).toString();
        Instant received = now.minusSeconds(7200); // today: the clock started at 10:00
        int dossiers = 300;
        for (int i = 0; i < dossiers; i++) {
            send("dossier.facts.v1", "C-" + i, fact("C-" + i, 1, "CR.001", received, null, null));
            if (i == dossiers / 2) {
                engine.stop(); // the stream thread dies mid-flow, uncommitted work is aborted
                engine.start();
            }
            send(
                    "dossier.facts.v1",
                    "C-" + i,
                    fact("C-" + i, 2, "CR.001", received, now.minusSeconds(5), i % 3 == 0 ? "LATE" : "EARLY"));
            send("dossier.facts.v1", "C-" + i, fact("C-" + i, 1, "CR.001", received, null, null)); // stale redelivery
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode commune = get("/api/v1/stats/units/CR.001?period=" + today);
            assertThat(commune.get("received").get("new").asLong()).isEqualTo(dossiers);
            assertThat(commune.get("ended").get("late").asLong()).isEqualTo(100);
            assertThat(commune.get("ended").get("early").asLong()).isEqualTo(200);
            assertThat(commune.get("inProgress").get("total").asLong()).isZero();
        });
    }

    /**
     * July 2026 in province 33, worked by hand. 33.001: A received 20 June, due 25 June, still open (overdue); B
     * received 28 June, ended early 2 July; F received 10 July (online), due 15 July, ended late 2 August; G refused.
     * 33.002: C received 5 July (online), ended on time 10 July; D received 15 July, due 20 July, ended late 22 July;
     * E received 28 July (postal), due 5 August, open.
     */
    @Test
    void aHandWorkedMonthMatchesFigureForFigure() throws Exception {
        send(
                "dossier.facts.v1",
                "HW-A",
                handWorked(
                        "HW-A", "33.001", "DIRECT", "OPEN", "2026-06-20T09:00", "2026-06-25T10:00", null, null, true));
        send(
                "dossier.facts.v1",
                "HW-B",
                handWorked(
                        "HW-B",
                        "33.001",
                        "DIRECT",
                        "RESOLVED",
                        "2026-06-28T09:00",
                        "2026-07-03T10:00",
                        "2026-07-02T09:00",
                        "EARLY",
                        false));
        send(
                "dossier.facts.v1",
                "HW-C",
                handWorked(
                        "HW-C",
                        "33.002",
                        "ONLINE",
                        "RESOLVED",
                        "2026-07-05T09:00",
                        "2026-07-10T17:00",
                        "2026-07-10T09:00",
                        "ON_TIME",
                        false));
        send(
                "dossier.facts.v1",
                "HW-D",
                handWorked(
                        "HW-D",
                        "33.002",
                        "DIRECT",
                        "RESOLVED",
                        "2026-07-15T09:00",
                        "2026-07-20T10:00",
                        "2026-07-22T09:00",
                        "LATE",
                        true));
        send(
                "dossier.facts.v1",
                "HW-E",
                handWorked(
                        "HW-E", "33.002", "POSTAL", "OPEN", "2026-07-28T09:00", "2026-08-05T10:00", null, null, true));
        send(
                "dossier.facts.v1",
                "HW-F",
                handWorked(
                        "HW-F",
                        "33.001",
                        "ONLINE",
                        "RESOLVED",
                        "2026-07-10T09:00",
                        "2026-07-15T10:00",
                        "2026-08-02T09:00",
                        "LATE",
                        true));
        send(
                "dossier.facts.v1",
                "HW-G",
                handWorked(
                        "HW-G",
                        "33.001",
                        "DIRECT",
                        "REFUSED",
                        "2026-07-12T09:00",
                        "2026-07-17T10:00",
                        null,
                        null,
                        false));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode province = get("/api/v1/stats/units/33?period=2026-07");
            assertThat(province.get("received").toString())
                    .isEqualTo(
                            "{\"carriedOver\":2,\"new\":4,\"online\":2,\"direct\":1,\"postal\":1,\"totalToProcess\":6}");
            assertThat(province.get("ended").toString()).isEqualTo("{\"early\":1,\"onTime\":1,\"late\":1,\"total\":3}");
            assertThat(province.get("inProgress").toString())
                    .isEqualTo("{\"withinDeadline\":1,\"overdue\":2,\"total\":3}");
            assertThat(province.get("onTimeRate").asDouble()).isEqualTo(0.6667);
            assertThat(province.get("progressScore").asDouble())
                    .isEqualTo(10.00)
                    .isEqualTo(20.0 * (1 + 1 + 1) / 6);
            assertThat(province.get("onlineShare").asDouble()).isEqualTo(0.5);
        });
        // each unit's buckets are updated in its own partition: wait for every one
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode first = get("/api/v1/stats/units/33.001?period=2026-07");
            assertThat(first.get("received").get("carriedOver").asLong()).isEqualTo(2);
            assertThat(first.get("received").get("new").asLong()).isEqualTo(1);
            assertThat(first.get("inProgress").get("overdue").asLong()).isEqualTo(2);
            assertThat(first.get("progressScore").asDouble()).isEqualTo(6.67);
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode second = get("/api/v1/stats/units/33.002?period=2026-07");
            assertThat(second.get("ended").get("late").asLong()).isEqualTo(1);
            assertThat(second.get("inProgress").get("withinDeadline").asLong()).isEqualTo(1);
            assertThat(second.get("progressScore").asDouble()).isEqualTo(13.33);
            assertThat(second.get("onTimeRate").asDouble()).isEqualTo(0.5);
        });
        // C's result was delivered electronically, and its applicant disliked it on 12 July: the report stays as it is
        send(
                "dossier.facts.v1",
                "HW-C",
                handWorked(
                                "HW-C",
                                "33.002",
                                "ONLINE",
                                "RESOLVED",
                                "2026-07-05T09:00",
                                "2026-07-10T17:00",
                                "2026-07-10T09:00",
                                "ON_TIME",
                                false)
                        .replace("\"sequence\":1", "\"sequence\":2")
                        .replace(
                                "\"paidOnlineAt\":null}",
                                "\"paidOnlineAt\":null,\"electronicResult\":true,"
                                        + "\"ratings\":[{\"at\":\"2026-07-12T02:00:00Z\",\"rating\":\"DISSATISFIED\"}]}"));
        // the national index of the month, by hand, over the 6 dossiers to process:
        // progress 20 × 3/6 = 10; dossiers online 2 of 4 new = 50 %, exactly the threshold of full marks: 6;
        // electronic result 6 × 1/6 = 1; digitised 4 × 6/6 = 4 (the 2 carried over count); S = (3 - 1)/6 = 1/3,
        // 6 × S / 0.9 = 2.2222; no fee-bearing dossier and no procedure counts: they leave the reachable maximum.
        // Total 10 + 6 + 1 + 4 + 2.2222 = 23.2222 → 23.22 of a reachable 20 + 6 + 10 + 6 = 42
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode index = get("/api/v1/stats/units/33/index?period=2026-07");
            assertThat(index.get("unitCode").asString()).isEqualTo("33");
            assertThat(index.get("total").toString()).isEqualTo("{\"score\":23.22,\"max\":100,\"reachableMax\":42}");
            JsonNode progress = index.get("groups").get("progress");
            assertThat(progress.get("score").asDouble()).isEqualTo(10.0);
            assertThat(progress.get("indicators").get(0).get("numerator").asLong())
                    .isEqualTo(3);
            assertThat(progress.get("indicators").get(0).get("denominator").asLong())
                    .isEqualTo(6);
            JsonNode online = index.get("groups").get("onlineServices");
            assertThat(online.get("score").asDouble()).isEqualTo(6.0);
            assertThat(online.get("reachableMax").asInt()).isEqualTo(6);
            JsonNode digitisation = index.get("groups").get("digitisation");
            assertThat(digitisation.get("score").asDouble()).isEqualTo(5.0);
            assertThat(digitisation.get("indicators").get(0).toString())
                    .isEqualTo("{\"key\":\"ELECTRONIC_RESULT\",\"numerator\":1,\"denominator\":6,\"score\":1.0,"
                            + "\"max\":6,\"missing\":null}");
            assertThat(digitisation.get("indicators").get(1).get("numerator").asLong())
                    .isEqualTo(6);
            JsonNode satisfaction =
                    index.get("groups").get("satisfaction").get("indicators").get(0);
            assertThat(satisfaction.get("numerator").asLong()).isEqualTo(2);
            assertThat(satisfaction.get("score").asDouble()).isEqualTo(2.22);
            assertThat(index.get("groups").get("onlinePayment").get("score").isNull())
                    .isTrue();
            assertThat(index.get("groups")
                            .get("transparency")
                            .get("indicators")
                            .get(0)
                            .get("missing")
                            .asString())
                    .isNotBlank();
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode children =
                    get("/api/v1/stats/units/33/children/index?period=2026-07").get("children");
            assertThat(children.size()).isEqualTo(2);
            // 33.001: 1 early of 3 to process (6.67), its one new dossier online (6), no electronic result (0), all
            // 3 digitised (4), S = 1/3 (2.2222): 18.8889
            assertThat(children.get(0).get("unitCode").asString()).isEqualTo("33.001");
            assertThat(children.get(0).get("total").get("score").asDouble()).isEqualTo(18.89);
            JsonNode series = get("/api/v1/stats/units/33/series/index?granularity=month&from=2026-06&to=2026-07");
            assertThat(series.get("points").size()).isEqualTo(2);
            assertThat(series.get("points").get(1).get("total").get("score").asDouble())
                    .isEqualTo(23.22);
        });
        assertThat(status("/api/v1/stats/units/33/index?period=2026-13")).isEqualTo(400);
        assertThat(status("/api/v1/stats/units/NOPE/index?period=2026-07")).isEqualTo(404);
    }

    /**
     * A report carries a strong tag of its bytes: a client holding it gets a 304 without a body for as long as its
     * figures stand, and the new figures with a new tag as soon as a fact moves them (never the held one as current).
     */
    @Test
    void aReportIsTaggedAndANotModifiedAnswersAClientHoldingItUntilItsFiguresMove() throws Exception {
        String may = "/api/v1/stats/units/ET?period=2026-05";
        send(
                "dossier.facts.v1",
                "ET-1",
                handWorked(
                        "ET-1",
                        "ET.001",
                        "ONLINE",
                        "RESOLVED",
                        "2026-05-05T09:00",
                        "2026-05-10T17:00",
                        "2026-05-06T09:00",
                        "EARLY",
                        false));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> get(may).get("ended").get("total").asLong() == 1);

        HttpResponse<String> first = response(may, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).as("a strong tag").matches("\"[^\"]+\"");
        assertThat(first.headers().firstValue("Cache-Control")).contains("public, max-age=0, must-revalidate");
        HttpResponse<String> held = response(may, etag);
        assertThat(held.statusCode()).isEqualTo(304);
        assertThat(held.body()).isEmpty();
        assertThat(held.headers().firstValue("ETag")).contains(etag);
        assertThat(held.headers().firstValue("Cache-Control")).contains("public, max-age=0, must-revalidate");
        // the descendants' reports are tagged the same way
        HttpResponse<String> children = response("/api/v1/stats/units/ET/children?period=2026-05", null);
        String childrenTag = children.headers().firstValue("ETag").orElseThrow();
        assertThat(response("/api/v1/stats/units/ET/children?period=2026-05", childrenTag)
                        .statusCode())
                .isEqualTo(304);

        send(
                "dossier.facts.v1",
                "ET-2",
                handWorked(
                        "ET-2",
                        "ET.001",
                        "DIRECT",
                        "RESOLVED",
                        "2026-05-12T09:00",
                        "2026-05-13T17:00",
                        "2026-05-20T09:00",
                        "LATE",
                        true));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> changed = response(may, etag);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
            JsonNode report = JSON.readTree(changed.body());
            assertThat(report.get("ended").toString()).isEqualTo("{\"early\":1,\"onTime\":0,\"late\":1,\"total\":2}");
            assertThat(report.get("onTimeRate").asDouble()).isEqualTo(0.5);
        });
        assertThat(response("/api/v1/stats/units/ET/children?period=2026-05", childrenTag)
                        .statusCode())
                .isEqualTo(200);
    }

    /** A rebuild is a second topology under a new application id, replaying the compacted facts from the start. */
    @Test
    void aRebuildFromTheFactsGivesTheLiveFigures() throws Exception {
        send(
                "dossier.facts.v1",
                "RB-1",
                handWorked(
                        "RB-1",
                        "RB.002",
                        "ONLINE",
                        "RESOLVED",
                        "2026-05-05T09:00",
                        "2026-05-10T17:00",
                        "2026-05-12T09:00",
                        "LATE",
                        true));
        send(
                "dossier.facts.v1",
                "RB-2",
                handWorked(
                        "RB-2", "RB.001", "DIRECT", "OPEN", "2026-05-20T09:00", "2026-06-10T17:00", null, null, true));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            var province = engine.buckets().get(bucketKey("RB", "2026-05"));
            var first = engine.buckets().get(bucketKey("RB.001", "2026-05"));
            var second = engine.buckets().get(bucketKey("RB.002", "2026-05"));
            return province != null && province.receivedNew() == 2 && first != null && second != null;
        });
        withRebuild(rebuiltBuckets -> {
            var liveBuckets = engine.buckets();
            for (String unit : List.of("RB", "RB.001", "RB.002", "33", "33.001", "33.002", "CR.001")) {
                for (String period :
                        List.of("2026", "2026-Q2", "2026-Q3", "2026-05", "2026-06", "2026-07", "2026-05-12")) {
                    String key = vn.dossierstats.metrics.stream.BucketStore.key(
                            unit, vn.dossierstats.unitstats.Period.parse(period).orElseThrow());
                    assertThat(rebuiltBuckets.get(key)).as(unit + " " + period).isEqualTo(liveBuckets.get(key));
                }
            }
        });
    }

    /**
     * Replays every fact through a second topology under its own application id (nothing the live one reads), and
     * checks {@code rebuilt} against its bucket store until it holds (bounded).
     */
    private static void withRebuild(
            java.util.function.Consumer<
                            org.apache.kafka.streams.state.ReadOnlyKeyValueStore<
                                    String, vn.dossierstats.metrics.report.Counts>>
                    rebuilt)
            throws Exception {
        java.util.Properties config = new java.util.Properties();
        config.put(
                org.apache.kafka.streams.StreamsConfig.APPLICATION_ID_CONFIG, "metrics-rebuild-" + System.nanoTime());
        config.put(org.apache.kafka.streams.StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString());
        config.put(org.apache.kafka.streams.StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2");
        config.put(
                org.apache.kafka.streams.StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("rebuild").toString());
        config.put(org.apache.kafka.streams.StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        var builder = new org.apache.kafka.streams.StreamsBuilder();
        var topology = vn.dossierstats.metrics.stream.StatisticsTopology.build(
                builder,
                ZONE,
                2000,
                new vn.dossierstats.metrics.stream.Cadence(Duration.ofMillis(200), Duration.ofMillis(200)),
                CLOCK,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        try (var streams = new org.apache.kafka.streams.KafkaStreams(topology, config)) {
            streams.start();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> streams.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .untilAsserted(() ->
                            rebuilt.accept(streams.store(org.apache.kafka.streams.StoreQueryParameters.fromNameAndType(
                                    vn.dossierstats.metrics.stream.StatisticsTopology.BUCKETS,
                                    org.apache.kafka.streams.state.QueryableStoreTypes
                                            .<String, vn.dossierstats.metrics.report.Counts>keyValueStore()))));
        }
    }

    /**
     * A new application id loads its state in bulk (stream/BulkRebuild) and Kafka Streams restores it: the same
     * buckets as the live topology, every one in the partition its unit's queries and deltas go to; facts sent while
     * it starts and after it runs are counted once.
     */
    @Test
    void aBulkRebuildGivesTheLiveBucketsAndCountsLaterFactsOnce() throws Exception {
        java.util.Random random = new java.util.Random(17);
        for (var fact : vn.dossierstats.metrics.stream.RandomFacts.generate(random, "BK", 600, CLOCK.instant())) {
            sendAsync(fact);
        }
        producer.flush();
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        StatisticsEngine rebuilt = secondEngine("metrics-bulk-" + System.nanoTime(), meters);
        try {
            rebuilt.start();
            // while it snapshots, loads and restores: before or after the snapshot, each is counted once
            List<vn.dossierstats.metrics.stream.DossierFact> later =
                    vn.dossierstats.metrics.stream.RandomFacts.generate(random, "BL", 300, CLOCK.instant());
            later.subList(0, 300).forEach(StatisticsIT::sendAsync);
            producer.flush();
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(rebuilt::isProcessing);
            assertThat(meters.counter("dossier.stats.bulk.rebuild.facts").count())
                    .as("loaded in bulk, not replayed")
                    .isGreaterThan(1_000);
            later.subList(300, later.size()).forEach(StatisticsIT::sendAsync);
            // newer facts of loaded dossiers, moved to a commune of their own: the loaded last fact is taken back
            for (int i = 0; i < 100; i++) {
                sendAsync(new vn.dossierstats.metrics.stream.DossierFact(
                        "BK-" + i,
                        99,
                        CLOCK.instant(),
                        "BK.009",
                        List.of("BK", "BK.009"),
                        "POSTAL",
                        "RESOLVED",
                        CLOCK.instant().minusSeconds(3600),
                        null,
                        CLOCK.instant(),
                        "ON_TIME",
                        false,
                        false,
                        null));
            }
            producer.flush();
            String today = bucketKey(
                    "BK.009", LocalDate.ofInstant(CLOCK.instant(), ZONE).toString());

            Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                Map<String, vn.dossierstats.metrics.report.Counts> live = all(engine);
                assertThat(live.get(today))
                        .isNotNull()
                        .extracting(c -> c.receivedNew())
                        .isEqualTo(100L);
                assertThat(live.keySet()).anyMatch(k -> k.startsWith("BL|"));
                assertThat(all(rebuilt)).isEqualTo(live);
                // each unit's buckets are where a query by unit (and the repartition by unit) looks for them
                for (String unit : List.of("BK", "BK.001", "BK.004", "BK.009", "BL", "BL.002", "33", "RB")) {
                    var store = rebuilt.buckets(unit);
                    live.forEach((key, counts) -> {
                        if (key.startsWith(unit + "|")) {
                            assertThat(store.get(key)).as(key).isEqualTo(counts);
                        }
                    });
                    // and its procedure usage where the index reads it
                    for (String period : List.of("2026-11", "2026", "2026-07")) {
                        var of = vn.dossierstats.unitstats.Period.parse(period).orElseThrow();
                        assertThat(rebuilt.procedureIndex(unit).of(unit, of, List.of(unit)))
                                .as(unit + " " + period)
                                .isEqualTo(engine.procedureIndex(unit).of(unit, of, List.of(unit)));
                    }
                }
            });
        } finally {
            rebuilt.stop();
        }
    }

    private StatisticsEngine secondEngine(String applicationId, io.micrometer.core.instrument.MeterRegistry meters)
            throws java.io.IOException {
        MetricsProperties p = properties;
        var kafka = new org.springframework.boot.kafka.autoconfigure.KafkaProperties();
        kafka.setBootstrapServers(List.of(KAFKA.getBrokersAsString()));
        MetricsProperties rebuilt = new MetricsProperties(
                p.timeZone(),
                p.firstYear(),
                applicationId,
                Files.createTempDirectory(applicationId),
                p.commitInterval(),
                p.publishInterval(),
                p.pastPublishInterval(),
                p.streamThreads(),
                p.topicPartitions(),
                p.topicReplicas(),
                p.sourceTopicWait(),
                p.maxAge(),
                p.reportCacheEntries(),
                p.advertisedHost(),
                p.standbyReplicas(),
                true);
        return new StatisticsEngine(
                rebuilt,
                kafka,
                CLOCK,
                meters,
                new vn.dossierstats.metrics.stream.UnitVersions(),
                new vn.dossierstats.metrics.stream.LocalAddress(rebuilt));
    }

    private static Map<String, vn.dossierstats.metrics.report.Counts> all(StatisticsEngine engine) {
        Map<String, vn.dossierstats.metrics.report.Counts> buckets = new java.util.HashMap<>();
        try (var all = engine.buckets().all()) {
            all.forEachRemaining(kv -> buckets.put(kv.key, kv.value));
        }
        return buckets;
    }

    private static void sendAsync(vn.dossierstats.metrics.stream.DossierFact fact) {
        producer.send(new ProducerRecord<>(
                "dossier.facts.v1", fact.dossierId(), vn.dossierstats.metrics.stream.RandomFacts.json(fact)));
    }

    private static String parent(String unit) {
        return unit.substring(0, unit.indexOf('.'));
    }

    private static String handWorked(
            String id,
            String unit,
            String channel,
            String status,
            String received,
            String due,
            String ended,
            String classification,
            boolean overdue) {
        Instant dueAt = java.time.LocalDateTime.parse(due).atZone(ZONE).toInstant();
        return """
                {"dossierId":"%s","sequence":1,"acceptedAt":"%s","unitCode":"%s","unitPath":["%s","%s"],
                 "channel":"%s","status":"%s","receivedAt":"%s","dueAt":"%s","overdueSince":%s,
                 "endedAt":%s,"classification":%s,"digitized":true,"feeRequired":false,"paidOnlineAt":null}""".formatted(
                        id,
                        CLOCK.instant(),
                        unit,
                        parent(unit),
                        unit,
                        channel,
                        status,
                        java.time.LocalDateTime.parse(received).atZone(ZONE).toInstant(),
                        dueAt,
                        overdue ? "\"" + dueAt + "\"" : "null",
                        ended == null
                                ? "null"
                                : "\""
                                        + java.time.LocalDateTime.parse(ended)
                                                .atZone(ZONE)
                                                .toInstant() + "\"",
                        classification == null ? "null" : "\"" + classification + "\"");
    }

    /**
     * Issue 22, hand-worked: the procedure-based sub-indicators of province PX in September from the catalogue and
     * three dossiers. PX.001 is assigned 8.A (fully online, fee) and 8.B (partly online); PX.002 has none assigned, so
     * its procedures in scope are those it received: 8.C (not online, fee) and 8.B. Then PX.002 is assigned 8.C only,
     * and the figures follow the catalogue without a new fact.
     */
    @Test
    void theProcedureBasedIndexComesFromTheCatalogueAndFollowsItsChanges() throws Exception {
        send("catalogue.units.v1", "PX", unit("PX", "Tỉnh X", "PROVINCE", null, ""));
        send("catalogue.units.v1", "PX.001", unit("PX.001", "Xã X1", "COMMUNE", "PX", ""));
        send("catalogue.units.v1", "PX.002", unit("PX.002", "Xã X2", "COMMUNE", "PX", ""));
        send("catalogue.procedures.v1", "8.A", "{\"code\":\"8.A\",\"onlineLevel\":\"FULL\",\"feeCharging\":true}");
        send("catalogue.procedures.v1", "8.B", "{\"code\":\"8.B\",\"onlineLevel\":\"PARTIAL\",\"feeCharging\":false}");
        send("catalogue.procedures.v1", "8.C", "{\"code\":\"8.C\",\"onlineLevel\":\"NONE\",\"feeCharging\":true}");
        send("catalogue.unit-procedures.v1", "PX.001", "{\"unitCode\":\"PX.001\",\"procedures\":[\"8.A\",\"8.B\"]}");
        send(
                "dossier.facts.v1",
                "PX-1",
                procedureFact("PX-1", "PX.001", "8.A", "ONLINE", "2026-09-03T09:00", "2026-09-05T10:00"));
        send("dossier.facts.v1", "PX-2", procedureFact("PX-2", "PX.002", "8.C", "DIRECT", "2026-09-10T09:00", null));
        send("dossier.facts.v1", "PX-3", procedureFact("PX-3", "PX.002", "8.B", "ONLINE", "2026-09-12T09:00", null));

        // offered online: 2 of 3 distinct procedures, 2 × (2/3) / 0.8 = 1.6667; used: 2 of 3 unit–procedure pairs
        // (PX.001's 8.A, PX.002's 8.B), 4 × 2/3 = 2.6667; dossiers online 2 of 3 ≥ 50 %: 6. Group 10.3333 → 10.33.
        // Payment: 1 of 2 fee-bearing dossiers paid online, 6 × 1/2 = 3; procedures paid online 1 of 2 fee-charging,
        // 2.5 × 1/2 = 1.25; fee procedures used 2 of 2, 2.5 capped at 2. Group 6.25.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode index = get("/api/v1/stats/units/PX/index?period=2026-09");
            assertThat(index.get("procedureScope").asString()).isEqualTo("ASSIGNED");
            JsonNode online = index.get("groups").get("onlineServices");
            assertThat(online.get("indicators").get(0).toString())
                    .isEqualTo("{\"key\":\"OFFERED_ONLINE\",\"numerator\":2,\"denominator\":3,\"score\":1.67,"
                            + "\"max\":2,\"missing\":null}");
            assertThat(online.get("indicators").get(1).toString())
                    .isEqualTo("{\"key\":\"ONLINE_SERVICES_USED\",\"numerator\":2,\"denominator\":3,"
                            + "\"score\":2.67,\"max\":4,\"missing\":null}");
            assertThat(online.get("score").asDouble()).isEqualTo(10.33);
            assertThat(online.get("reachableMax").asInt()).isEqualTo(12);
            JsonNode payment = index.get("groups").get("onlinePayment");
            assertThat(payment.get("score").asDouble()).isEqualTo(6.25);
            assertThat(payment.get("indicators").get(1).get("numerator").asLong())
                    .isEqualTo(1);
            assertThat(payment.get("indicators").get(2).get("score").asDouble()).isEqualTo(2.0);
        });
        // a commune's own: PX.002 received 8.C and 8.B, one pair used of one online-offered
        JsonNode commune = get("/api/v1/stats/units/PX/children/index?period=2026-09")
                .get("children")
                .get(1);
        assertThat(commune.get("unitCode").asString()).isEqualTo("PX.002");
        assertThat(commune.get("procedureScope").asString()).isEqualTo("RECEIVED");
        assertThat(commune.get("groups")
                        .get("onlineServices")
                        .get("indicators")
                        .get(1)
                        .get("score")
                        .asDouble())
                .isEqualTo(4.0);

        send("catalogue.unit-procedures.v1", "PX.002", "{\"unitCode\":\"PX.002\",\"procedures\":[\"8.C\"]}");
        // PX.002's pair of 8.B leaves the scope: 1 of 2 pairs used, 4 × 1/2 = 2
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode used = get("/api/v1/stats/units/PX/index?period=2026-09")
                    .get("groups")
                    .get("onlineServices")
                    .get("indicators")
                    .get(1);
            assertThat(used.get("numerator").asLong()).isEqualTo(1);
            assertThat(used.get("denominator").asLong()).isEqualTo(2);
            assertThat(used.get("score").asDouble()).isEqualTo(2.0);
        });
    }

    /** A fee-bearing dossier of a procedure, paid online at {@code paid} (local) or not paid. */
    private static String procedureFact(
            String id, String unit, String procedure, String channel, String received, String paid) {
        Instant receivedAt =
                java.time.LocalDateTime.parse(received).atZone(ZONE).toInstant();
        return """
                {"dossierId":"%s","sequence":1,"acceptedAt":"%s","unitCode":"%s","unitPath":["PX","%s"],
                 "procedureCode":"%s","channel":"%s","status":"OPEN","receivedAt":"%s","dueAt":"%s",
                 "overdueSince":null,"endedAt":null,"classification":null,"digitized":false,
                 "feeRequired":%s,"paidOnlineAt":%s}""".formatted(
                        id,
                        CLOCK.instant(),
                        unit,
                        unit,
                        procedure,
                        channel,
                        receivedAt,
                        receivedAt.plus(Duration.ofDays(30)),
                        !procedure.equals("8.B"),
                        paid == null
                                ? "null"
                                : "\""
                                        + java.time.LocalDateTime.parse(paid)
                                                .atZone(ZONE)
                                                .toInstant() + "\"");
    }

    /**
     * Issue 24, hand-worked: provinces MA and MB merged into MA on 2025-07-01, MB's commune MB.001 moved to MA. The
     * merger is recorded after the facts arrived (on a running system); within seconds every figure is on its map.
     */
    @Test
    void aMergerRecastsTheFiguresOnTheMapOfEachPeriodsEndOrOfToday() throws Exception {
        send("catalogue.units.v1", "MA", unit("MA", "Tỉnh A", "PROVINCE", null, ""));
        send("catalogue.units.v1", "MB", unit("MB", "Tỉnh B", "PROVINCE", null, ""));
        send("catalogue.units.v1", "MA.001", unit("MA.001", "Xã A1", "COMMUNE", "MA", ""));
        send("catalogue.units.v1", "MB.001", unit("MB.001", "Xã B1", "COMMUNE", "MB", ""));
        // D1, D2 received in MB.001 in June, D2 open across the merger; D3 in MA.001; D4 received in MB.001 after the
        // merger (counted under MA); D5 names MB after the merger (counted under its successor MA)
        send(
                "dossier.facts.v1",
                "MG-1",
                fact("MG-1", "MB.001", "MB,MB.001", "2025-06-10T08:00", "2025-06-12T09:00", "ON_TIME"));
        send(
                "dossier.facts.v1",
                "MG-2",
                fact("MG-2", "MB.001", "MB,MB.001", "2025-06-20T08:00", "2025-07-10T09:00", "LATE"));
        send(
                "dossier.facts.v1",
                "MG-3",
                fact("MG-3", "MA.001", "MA,MA.001", "2025-06-15T08:00", "2025-06-16T09:00", "EARLY"));
        send(
                "dossier.facts.v1",
                "MG-4",
                fact("MG-4", "MB.001", "MA,MB.001", "2025-07-05T08:00", "2025-07-06T09:00", "EARLY"));
        send("dossier.facts.v1", "MG-5", fact("MG-5", "MB", "MA", "2025-07-08T08:00", null, null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        figures(get("/api/v1/stats/units/MA?period=2025-07")))
                .isEqualTo("carriedOver=0 new=2 early=1 onTime=0 late=0 inProgress=1"));

        send(
                "catalogue.units.v1",
                "MB",
                unit("MB", "Tỉnh B", "PROVINCE", null, ",\"validTo\":\"2025-06-30\",\"successor\":\"MA\""));
        send(
                "catalogue.units.v1",
                "MB.001",
                unit(
                        "MB.001",
                        "Xã B1",
                        "COMMUNE",
                        "MA",
                        ",\"formerParents\":[{\"until\":\"2025-07-01\",\"parentCode\":\"MB\"}]"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                        figures(get("/api/v1/stats/units/MA?period=2025-07")))
                .isEqualTo("carriedOver=1 new=2 early=1 onTime=0 late=1 inProgress=1"));
        // boundaries=period: each period on the map of its last day
        assertThat(figures(get("/api/v1/stats/units/MA?period=2025-06")))
                .isEqualTo("carriedOver=0 new=1 early=1 onTime=0 late=0 inProgress=0");
        assertThat(figures(get("/api/v1/stats/units/MB?period=2025-06&boundaries=period")))
                .isEqualTo("carriedOver=0 new=2 early=0 onTime=1 late=0 inProgress=1");
        assertThat(figures(get("/api/v1/stats/units/MA?period=2025-Q2")))
                .isEqualTo("carriedOver=0 new=1 early=1 onTime=0 late=0 inProgress=0");
        assertThat(figures(get("/api/v1/stats/units/MA?period=2025-Q3")))
                .isEqualTo("carriedOver=1 new=2 early=1 onTime=0 late=1 inProgress=1");
        assertThat(figures(get("/api/v1/stats/units/MA?period=2025")))
                .isEqualTo("carriedOver=0 new=5 early=2 onTime=1 late=1 inProgress=1");
        HttpResponse<String> ended = response("/api/v1/stats/units/MB?period=2025-07", null);
        assertThat(ended.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(ended.body()).get("successor").asString()).isEqualTo("MA");
        assertThat(status("/api/v1/stats/units/MB?period=2025")).isEqualTo(404);
        // boundaries=current: every period on today's map
        // the index's procedures in scope of MA's territory in June: 7.M, received by MB.001 and MA.001, counted once
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode index = get("/api/v1/stats/units/MA/index?period=2025-06&boundaries=current");
            assertThat(index.get("groups")
                            .get("onlineServices")
                            .get("indicators")
                            .get(0)
                            .get("denominator")
                            .asLong())
                    .as(index.toString())
                    .isEqualTo(1);
        });
        assertThat(figures(get("/api/v1/stats/units/MA?period=2025-06&boundaries=current")))
                .isEqualTo("carriedOver=0 new=3 early=1 onTime=1 late=0 inProgress=1");
        assertThat(status("/api/v1/stats/units/MB?period=2025-06&boundaries=current"))
                .isEqualTo(404);
        assertThat(status("/api/v1/stats/units/MA?period=2025-06&boundaries=today"))
                .isEqualTo(400);
        // children and series on the same maps
        assertThat(codes(get("/api/v1/stats/units/MA/children?period=2025-07").get("children")))
                .containsExactly("MA.001", "MB.001");
        assertThat(figures(get("/api/v1/stats/units/MA/children?period=2025-07")
                        .get("children")
                        .get(1)))
                .isEqualTo("carriedOver=1 new=1 early=1 onTime=0 late=1 inProgress=0");
        assertThat(codes(get("/api/v1/stats/units/MA/children?period=2025-06").get("children")))
                .containsExactly("MA.001");
        assertThat(codes(get("/api/v1/stats/units/MB/children?period=2025-06").get("children")))
                .containsExactly("MB.001");
        assertThat(codes(get("/api/v1/stats/units/MA/children?period=2025-06&boundaries=current")
                        .get("children")))
                .containsExactly("MA.001", "MB.001");
        JsonNode series = get("/api/v1/stats/units/MA/series?granularity=month&from=2025-06&to=2025-07");
        assertThat(figures(series.get("points").get(0)))
                .isEqualTo("carriedOver=0 new=1 early=1 onTime=0 late=0 inProgress=0");
        assertThat(figures(series.get("points").get(1)))
                .isEqualTo("carriedOver=1 new=2 early=1 onTime=0 late=1 inProgress=1");
        assertThat(status("/api/v1/stats/units/MB/series?granularity=month&from=2025-05&to=2025-07"))
                .isEqualTo(404);

        // a replay from the facts gives the same figures: the rebuilt buckets, summed over the same territories
        Map<String, List<String>> territories = Map.of(
                "/api/v1/stats/units/MA?period=2025-07", List.of("MA", "MB"),
                "/api/v1/stats/units/MA?period=2025", List.of("MA", "MB"),
                "/api/v1/stats/units/MA?period=2025-06", List.of("MA"),
                "/api/v1/stats/units/MA?period=2025-06&boundaries=current", List.of("MA", "MB"),
                "/api/v1/stats/units/MB.001?period=2025-07", List.of("MB.001"));
        Map<String, String> live = new java.util.HashMap<>();
        for (String path : territories.keySet()) {
            live.put(path, figures(get(path)));
        }
        withRebuild(rebuilt -> territories.forEach((path, members) -> {
            var period = vn.dossierstats.unitstats.Period.parse(path.replaceAll(".*period=([^&]+).*", "$1"))
                    .orElseThrow();
            var calculator = new vn.dossierstats.metrics.report.ReportCalculator(
                    new vn.dossierstats.metrics.stream.BucketStore(rebuilt), 2000);
            var counts = vn.dossierstats.unitstats.PeriodCounts.ZERO;
            for (String member : members) {
                counts = counts.plus(calculator.counts(member, period, period.end()));
            }
            assertThat("carriedOver=%d new=%d early=%d onTime=%d late=%d inProgress=%d"
                            .formatted(
                                    counts.carriedOver(),
                                    counts.receivedNew(),
                                    counts.early(),
                                    counts.onTime(),
                                    counts.late(),
                                    counts.inProgress()))
                    .as(path)
                    .isEqualTo(live.get(path));
        }));
    }

    private static String unit(String code, String name, String level, String parent, String validity) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"" + level + "\",\"parentCode\":"
                + (parent == null ? "null" : "\"" + parent + "\"") + validity + "}";
    }

    /** A dossier's fact with its unit path as dossier-service gives it (local times of Vietnam). */
    private static String fact(
            String id, String unit, String path, String received, String ended, String classification) {
        Instant receivedAt =
                java.time.LocalDateTime.parse(received).atZone(ZONE).toInstant();
        String endedAt = ended == null
                ? "null"
                : "\"" + java.time.LocalDateTime.parse(ended).atZone(ZONE).toInstant() + "\"";
        return """
                {"dossierId":"%s","sequence":1,"acceptedAt":"%s","unitCode":"%s","unitPath":["%s"],
                 "procedureCode":"7.M","channel":"DIRECT","status":"%s","receivedAt":"%s","dueAt":"%s","overdueSince":null,
                 "endedAt":%s,"classification":%s,"digitized":false,"feeRequired":false,"paidOnlineAt":null}""".formatted(
                        id,
                        CLOCK.instant(),
                        unit,
                        path.replace(",", "\",\""),
                        ended == null ? "OPEN" : "RESOLVED",
                        receivedAt,
                        receivedAt.plus(Duration.ofDays(30)),
                        endedAt,
                        classification == null ? "null" : "\"" + classification + "\"");
    }

    private static String figures(JsonNode report) {
        return "carriedOver=%d new=%d early=%d onTime=%d late=%d inProgress=%d"
                .formatted(
                        report.get("received").get("carriedOver").asLong(),
                        report.get("received").get("new").asLong(),
                        report.get("ended").get("early").asLong(),
                        report.get("ended").get("onTime").asLong(),
                        report.get("ended").get("late").asLong(),
                        report.get("inProgress").get("total").asLong());
    }

    private static List<String> codes(JsonNode reports) {
        List<String> codes = new java.util.ArrayList<>();
        reports.forEach(r -> codes.add(r.get("unitCode").asString()));
        return codes;
    }

    private static void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fact(
            String id, long sequence, String unit, Instant received, Instant ended, String classification) {
        return """
                {"dossierId":"%s","sequence":%d,"acceptedAt":"%s","unitCode":"%s","unitPath":["%s","%s"],
                 "channel":"DIRECT","status":"%s","receivedAt":"%s","dueAt":"%s","overdueSince":null,
                 "endedAt":%s,"classification":%s,"digitized":false,"feeRequired":false,"paidOnlineAt":null}""".formatted(
                        id,
                        sequence,
                        CLOCK.instant(),
                        unit,
                        parent(unit),
                        unit,
                        ended == null ? "OPEN" : "RESOLVED",
                        received,
                        received.plusSeconds(86400 * 3),
                        ended == null ? "null" : "\"" + ended + "\"",
                        classification == null ? "null" : "\"" + classification + "\"");
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** @param ifNoneMatch the entity tag the client holds, or null */
    private HttpResponse<String> response(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int status(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return response.statusCode();
    }

    private static String bucketKey(String unit, String period) {
        return vn.dossierstats.metrics.stream.BucketStore.key(
                unit, vn.dossierstats.unitstats.Period.parse(period).orElseThrow());
    }
}
