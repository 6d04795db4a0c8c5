package vn.dossierstats.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * DVCQG clients authenticate as they do with the portal (issue 20): the login answers a session, which the envelope
 * carries; or a key, or HTTP Basic. Refusals are in DVCQG's shape and never forwarded.
 */
class DvcqgAccessIT extends GatewayITSupport {

    @Test
    void aSessionFromTheLoginCarriesTheEnvelopeToDossierServiceWithItsSourceAndBody() {
        HttpResponse<String> login = send(request(uri("/api/v1/dvcqg/auth"), newRequestId())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"dev-source\",\"password\":\"" + SOURCE_KEY + "\"}")));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"error_code\":\"0\"").contains("thành công");
        String session = login.body().replaceAll(".*\"session\":\"([^\"]+)\".*", "$1");

        String envelope = "{\"session\":\"" + session + "\",\"madonvi\":\"000.00.01.H22\",\"service\":\"DongBoHoSoMC\","
                + "\"isUpdating\":\"False\",\"data\":[{\"MaHoSo\":\"000.00.01.H22-260706-0001\"}]}";
        String requestId = newRequestId();
        HttpResponse<String> pushed = send(request(uri("/api/v1/dvcqg"), requestId)
                .header("Content-Type", "application/json")
                .header("dstcode", "H22")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
        assertThat(pushed.statusCode()).isEqualTo(200);
        StubService.Received received = DOSSIER.received(requestId).orElseThrow();
        assertThat(received.headers().get("x-source-id")).containsExactly("dev-source");
        assertThat(received.bodyBytes()).isEqualTo(envelope.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aWrongPasswordOrSessionIsRefusedInDvcqgShapeAndNeverForwarded() {
        HttpResponse<String> login = send(request(uri("/api/v1/dvcqg/auth"), newRequestId())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"dev-source\",\"password\":\"nope\"}")));
        assertThat(login.statusCode()).isEqualTo(401);
        assertThat(login.body()).contains("\"error_code\":\"-1\"").doesNotContain("session\":\"");

        String requestId = newRequestId();
        HttpResponse<String> pushed = send(request(uri("/api/v1/dvcqg"), requestId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session\":\"forged\",\"service\":\"DongBoHoSoMC\"}")));
        assertThat(pushed.statusCode()).isEqualTo(401);
        assertThat(pushed.body()).contains("\"error_code\":\"-1\"");
        assertThat(DOSSIER.received(requestId)).isEmpty();
    }

    @Test
    void httpBasicWithTheSourceKeyAsPasswordPushesABareArray() {
        String requestId = newRequestId();
        String basic =
                Base64.getEncoder().encodeToString(("dev-source:" + SOURCE_KEY).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> pushed =
                send(request(uri("/api/v1/dvcqg/DongBoHoSoMC?MaDinhDanhDV=000.00.01.H22&isUpdating=True"), requestId)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Basic " + basic)
                        .POST(HttpRequest.BodyPublishers.ofString("[]")));
        assertThat(pushed.statusCode()).isEqualTo(200);
        StubService.Received received = DOSSIER.received(requestId).orElseThrow();
        assertThat(received.headers().get("x-source-id")).containsExactly("dev-source");
        assertThat(received.headers()).doesNotContainKey("authorization");
    }

    @Test
    void theReconciliationIsReadFromDossierService() {
        String requestId = newRequestId();
        send(request(uri("/api/v1/stats/units/33/reconciliation?period=2026-07"), requestId)
                .GET());
        assertThat(DOSSIER.received(requestId)).isPresent();
    }
}
