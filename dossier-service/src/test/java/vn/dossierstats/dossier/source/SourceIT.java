package vn.dossierstats.dossier.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.IntegrationTest;

/** Source management, the gateways' key feed and the scope check of ingestion, on the real database. */
class SourceIT extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    JsonMapper json;

    /** A province with one commune, and another province: fresh codes per test. */
    private String province;

    private String commune;
    private String otherProvince;

    @BeforeEach
    void catalogue() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        province = "P" + run;
        commune = province + ".001";
        otherProvince = "Q" + run;
        put("/api/v1/units/" + province, "{\"name\":\"Tỉnh A\",\"level\":\"PROVINCE\"}");
        put(
                "/api/v1/units/" + commune,
                "{\"name\":\"Xã B\",\"level\":\"COMMUNE\",\"parentCode\":\"" + province + "\"}");
        put("/api/v1/units/" + otherProvince, "{\"name\":\"Tỉnh C\",\"level\":\"PROVINCE\"}");
        put(
                "/api/v1/procedures/1.004227",
                "{\"name\":\"Đăng ký đất đai\",\"domain\":\"Đất đai\",\"processingTime\":{\"value\":3,\"unit\":\"WORKING_DAYS\"}}");
    }

    @Test
    void aCreatedSourceShowsItsKeyOnceAndNeverAgain() {
        Response created = post("/api/v1/sources", null, "{\"name\":\"Hưng Yên\",\"scopes\":[\"" + province + "\"]}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode source = json.readTree(created.body());
        String id = source.get("id").asString();
        String key = source.get("key").asString();
        assertThat(key).startsWith(source.get("keyId").asString() + ".");
        assertThat(source.get("scopes").toString()).isEqualTo("[\"" + province + "\"]");
        assertThat(source.get("revoked").asBoolean()).isFalse();

        Response one = get("/api/v1/sources/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body())
                .contains(id)
                .doesNotContain(key.substring(key.indexOf('.') + 1))
                .doesNotContain("\"key\"");
        Response all = get("/api/v1/sources");
        assertThat(all.body()).contains(id).doesNotContain(key.substring(key.indexOf('.') + 1));
    }

    @Test
    void anInvalidSourceIsA400WithItsFieldsAndAnUnknownUnitA422() {
        for (String body : new String[] {
            "{}",
            "{\"name\":\"\",\"scopes\":[\"*\"]}",
            "{\"name\":\"" + "x".repeat(101) + "\",\"scopes\":[\"*\"]}",
            "{\"name\":\"A\",\"scopes\":[]}",
            "{\"name\":\"A\",\"scopes\":\"*\"}",
            "{\"name\":\"A\",\"scopes\":[3]}",
            "{\"name\":\"A\",\"scopes\":[\"a/b\"]}",
            "not json"
        }) {
            Response response = post("/api/v1/sources", null, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).as(body).startsWith("application/problem+json");
        }
        Response missing = post("/api/v1/sources", null, "{}");
        assertThat(missing.body()).contains("\"field\":\"name\"").contains("\"field\":\"scopes\"");

        Response unknown = post("/api/v1/sources", null, "{\"name\":\"A\",\"scopes\":[\"NO-SUCH-" + province + "\"]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theKeyFeedCarriesSaltAndHashOfTheCurrentKeyAndDropsARevokedOne() {
        long before = json.readTree(
                        get("/internal/v1/source-keys?sinceVersion=0").body())
                .get("version")
                .asLong();
        JsonNode source = create("[\"*\"]");
        String id = source.get("id").asString();
        String key = source.get("key").asString();

        JsonNode feed = json.readTree(
                get("/internal/v1/source-keys?sinceVersion=" + before).body());
        assertThat(feed.get("version").asLong()).isGreaterThan(before);
        JsonNode entry = only(feed, id);
        assertThat(entry.get("keyId").asString()).isEqualTo(source.get("keyId").asString());
        assertThat(SourceKey.matches(
                        Base64.getUrlDecoder().decode(entry.get("salt").asString()),
                        Base64.getUrlDecoder().decode(entry.get("hash").asString()),
                        key.substring(key.indexOf('.') + 1)))
                .isTrue();
        assertThat(feed.toString()).doesNotContain(key.substring(key.indexOf('.') + 1));

        long afterCreate = feed.get("version").asLong();
        JsonNode unchanged = json.readTree(
                get("/internal/v1/source-keys?sinceVersion=" + afterCreate).body());
        assertThat(unchanged.get("version").asLong()).isEqualTo(afterCreate);

        JsonNode rotated = json.readTree(
                post("/api/v1/sources/" + id + "/rotate", null, "").body());
        assertThat(rotated.get("key").asString()).isNotEqualTo(key);
        JsonNode afterRotate = json.readTree(
                get("/internal/v1/source-keys?sinceVersion=" + afterCreate).body());
        assertThat(only(afterRotate, id).get("keyId").asString())
                .isEqualTo(rotated.get("keyId").asString());

        assertThat(delete("/api/v1/sources/" + id)).isEqualTo(204);
        JsonNode afterRevoke = json.readTree(get("/internal/v1/source-keys?sinceVersion="
                        + afterRotate.get("version").asLong())
                .body());
        assertThat(only(afterRevoke, id).get("revoked").asBoolean()).isTrue();
        assertThat(only(afterRevoke, id).get("hash").isNull()).isTrue();
    }

    @Test
    void aRevokedSourceCannotBeRotatedAndRevokingTwiceIsHarmless() {
        String id = create("[\"*\"]").get("id").asString();

        assertThat(delete("/api/v1/sources/" + id)).isEqualTo(204);
        assertThat(delete("/api/v1/sources/" + id)).isEqualTo(204);
        assertThat(post("/api/v1/sources/" + id + "/rotate", null, "").status()).isEqualTo(409);
        assertThat(json.readTree(get("/api/v1/sources/" + id).body())
                        .get("revoked")
                        .asBoolean())
                .isTrue();
        assertThat(delete("/api/v1/sources/src-nosuch")).isEqualTo(404);
        assertThat(get("/api/v1/sources/src-nosuch").status()).isEqualTo(404);
    }

    @Test
    void aScopeOnAProvinceCoversItsCommune() {
        String source = create("[\"" + province + "\"]").get("id").asString();
        String dossier = "D-" + UUID.randomUUID();

        assertThat(post("/api/v1/dossier-events", source, received("e1", dossier, commune))
                        .status())
                .isEqualTo(202);
        assertThat(post("/api/v1/dossier-events", source, resolved("e2", dossier))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void anEventForAUnitOutsideTheScopeIsA403AndHasNoEffect() {
        String source = create("[\"" + commune + "\"]").get("id").asString();
        String dossier = "D-" + UUID.randomUUID();

        for (String unit : new String[] {otherProvince, province}) { // neither another province nor the parent
            Response refused = post("/api/v1/dossier-events", source, received("e-" + unit, dossier, unit));
            assertThat(refused.status()).as(unit).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains("\"status\":403");
        }
        assertThat(get("/api/v1/dossiers/" + dossier).status()).isEqualTo(404);
        // the same eventId, now in scope, is new: nothing of the refused one was stored
        assertThat(post("/api/v1/dossier-events", source, received("e-" + province, dossier, commune))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void aLaterEventForADossierOfAnotherUnitIsA403AndHasNoEffect() {
        String owner = create("[\"" + province + "\"]").get("id").asString();
        String stranger = create("[\"" + otherProvince + "\"]").get("id").asString();
        String dossier = "D-" + UUID.randomUUID();
        assertThat(post("/api/v1/dossier-events", owner, received("e1", dossier, commune))
                        .status())
                .isEqualTo(202);

        Response refused = post("/api/v1/dossier-events", stranger, resolved("e2", dossier));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(json.readTree(get("/api/v1/dossiers/" + dossier).body())
                        .get("status")
                        .asString())
                .isEqualTo("OPEN");
    }

    @Test
    void anEventThatWaitedForTheReceivedOfADossierOutsideItsScopeHasNoEffectWhenTheReceivedComes() {
        String owner = create("[\"" + province + "\"]").get("id").asString();
        String stranger = create("[\"" + otherProvince + "\"]").get("id").asString();
        String dossier = "D-" + UUID.randomUUID();
        // the dossier's unit is not known yet: the event is kept, waiting
        assertThat(post("/api/v1/dossier-events", stranger, resolved("w1", dossier))
                        .status())
                .isEqualTo(202);

        assertThat(post("/api/v1/dossier-events", owner, received("w2", dossier, commune))
                        .status())
                .isEqualTo(202);

        JsonNode view = json.readTree(get("/api/v1/dossiers/" + dossier).body());
        assertThat(view.get("status").asString()).isEqualTo("OPEN");
        assertThat(view.get("endedAt").isNull()).isTrue();
        assertThat(view.get("events")).hasSize(1);
    }

    @Test
    void inABatchAnEventOutsideTheScopeIsRejectedWith403AndTheOthersAccepted() {
        String source = create("[\"" + province + "\"]").get("id").asString();
        String inScope = received("b1", "D-" + UUID.randomUUID(), commune);
        String outOfScope = received("b2", "D-" + UUID.randomUUID(), otherProvince);

        Response batch =
                post("/api/v1/dossier-events/batch", source, "{\"events\":[" + inScope + "," + outOfScope + "]}");

        assertThat(batch.status()).isEqualTo(200);
        JsonNode answer = json.readTree(batch.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").asInt()).isEqualTo(1);
        JsonNode rejected = answer.get("results").get(1);
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("error").get("status").asInt()).isEqualTo(403);
    }

    @Test
    void aRevokedSourceMayWriteForNoUnitAndABootstrapSourceForAll() {
        String source = create("[\"*\"]").get("id").asString();
        assertThat(post("/api/v1/dossier-events", source, received("r0", "D-" + UUID.randomUUID(), commune))
                        .status())
                .isEqualTo(202); // its scopes are cached now
        assertThat(delete("/api/v1/sources/" + source)).isEqualTo(204);

        assertThat(post("/api/v1/dossier-events", source, received("r1", "D-" + UUID.randomUUID(), commune))
                        .status())
                .isEqualTo(403);
        // an id the table does not know is one of the gateway's configured sources (scope "*")
        assertThat(post(
                                "/api/v1/dossier-events",
                                "dev-source",
                                received("r1-" + UUID.randomUUID(), "D-" + UUID.randomUUID(), otherProvince))
                        .status())
                .isEqualTo(202);
    }

    private JsonNode create(String scopes) {
        Response created = post("/api/v1/sources", null, "{\"name\":\"Nguồn thử\",\"scopes\":" + scopes + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    private static JsonNode only(JsonNode feed, String sourceId) {
        JsonNode found = null;
        for (JsonNode key : feed.get("keys")) {
            if (key.get("sourceId").asString().equals(sourceId)) {
                assertThat(found).as("one entry per source").isNull();
                found = key;
            }
        }
        assertThat(found).as("entry of " + sourceId).isNotNull();
        return found;
    }

    private static String received(String eventId, String dossier, String unit) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"RECEIVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"2026-07-06T08:00:00+07:00\",\"unitCode\":\"" + unit
                + "\",\"procedureCode\":\"1.004227\",\"channel\":\"ONLINE\"}";
    }

    private static String resolved(String eventId, String dossier) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"RESOLVED\",\"dossierId\":\"" + dossier
                + "\",\"occurredAt\":\"2026-07-07T09:00:00+07:00\"}";
    }

    private int delete(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
