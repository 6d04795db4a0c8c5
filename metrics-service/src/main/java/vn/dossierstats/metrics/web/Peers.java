package vn.dossierstats.metrics.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.unitstats.Boundaries;
import vn.dossierstats.unitstats.PeriodCounts;

/**
 * The other instances of this service, asked for the units whose buckets they hold: with several instances each holds
 * the buckets of its share of the units (Kafka Streams partitions them by unit), and any instance answers for any
 * unit by asking the one that holds it, which Kafka Streams' metadata names ({@code application.server}). A request
 * that was forwarded once is never forwarded again: if its receiver does not hold the unit either, the partitions are
 * moving and the answer is a 503 to retry.
 */
@Component
class Peers {

    /** Marks a request one instance forwarded to another. */
    static final String FORWARDED = "X-Stats-Forwarded";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Headers of the owner's answer that are the answer's own, passed back as they are. */
    private static final List<String> ANSWER_HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ETAG,
            HttpHeaders.CACHE_CONTROL,
            HttpHeaders.CONTENT_LANGUAGE,
            HttpHeaders.VARY,
            HttpHeaders.RETRY_AFTER);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    private final JsonMapper json;

    Peers(JsonMapper json) {
        this.json = json;
    }

    /** A report as another instance wrote it, embedded as it is in an answer that gathers several. */
    record RawJson(@JsonValue @JsonRawValue String json) {}

    static boolean wasForwarded(HttpServletRequest request) {
        return request.getHeader(FORWARDED) != null;
    }

    /** The owner's whole answer to this same request: status, body and the headers that belong to it. */
    ResponseEntity<byte[]> forward(HostInfo owner, HttpServletRequest request) {
        String target =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        HttpRequest.Builder forwarded = get(owner, target);
        for (String header : List.of(HttpHeaders.IF_NONE_MATCH, HttpHeaders.ACCEPT_LANGUAGE)) {
            String value = request.getHeader(header);
            if (value != null) {
                forwarded.header(header, value);
            }
        }
        HttpResponse<byte[]> answer = send(owner, forwarded, HttpResponse.BodyHandlers.ofByteArray());
        HttpHeaders headers = new HttpHeaders();
        for (String header : ANSWER_HEADERS) {
            answer.headers().allValues(header).forEach(value -> headers.add(header, value));
        }
        return ResponseEntity.status(answer.statusCode()).headers(headers).body(answer.body());
    }

    /** The owner's report of a unit and period on the map of {@code boundaries}, as JSON. */
    RawJson report(HostInfo owner, String unitCode, String period, Boundaries boundaries) {
        String target = "/api/v1/stats/units/" + URLEncoder.encode(unitCode, StandardCharsets.UTF_8) + "?period="
                + URLEncoder.encode(period, StandardCharsets.UTF_8) + "&boundaries=" + boundaries.key();
        HttpResponse<String> answer = send(owner, get(owner, target), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new PeerUnavailable(
                    "the instance that holds the statistics of " + unitCode + " answered " + answer.statusCode());
        }
        return new RawJson(answer.body());
    }

    /** The counts of the unit's own buckets in the period, from the instance that holds them. */
    PeriodCounts counts(HostInfo owner, String unitCode, String period) {
        String target =
                OwnCountsController.PATH.replace("{unitCode}", URLEncoder.encode(unitCode, StandardCharsets.UTF_8))
                        + "?period=" + URLEncoder.encode(period, StandardCharsets.UTF_8);
        HttpResponse<String> answer = send(owner, get(owner, target), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new PeerUnavailable(
                    "the instance that holds the statistics of " + unitCode + " answered " + answer.statusCode());
        }
        return json.readValue(answer.body(), PeriodCounts.class);
    }

    /** The owner's national index of a unit and period on the map of {@code boundaries}, as JSON. */
    RawJson index(HostInfo owner, String unitCode, String period, Boundaries boundaries) {
        String target = "/api/v1/stats/units/" + URLEncoder.encode(unitCode, StandardCharsets.UTF_8) + "/index?period="
                + URLEncoder.encode(period, StandardCharsets.UTF_8) + "&boundaries=" + boundaries.key();
        HttpResponse<String> answer = send(owner, get(owner, target), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new PeerUnavailable(
                    "the instance that holds the statistics of " + unitCode + " answered " + answer.statusCode());
        }
        return new RawJson(answer.body());
    }

    private static HttpRequest.Builder get(HostInfo owner, String target) {
        return HttpRequest.newBuilder(URI.create("http://" + owner.host() + ":" + owner.port() + target))
                .timeout(TIMEOUT)
                .header(FORWARDED, "1")
                .GET();
    }

    private <T> HttpResponse<T> send(HostInfo owner, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            // it died or is stopping: the group moves its units to the others within a rebalance
            throw new PeerUnavailable("the instance that holds these statistics (" + owner + ") does not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailable("interrupted while asking " + owner);
        }
    }

    /** The instance that holds a unit's statistics cannot answer now; another will within a rebalance. */
    static final class PeerUnavailable extends RuntimeException {
        PeerUnavailable(String message) {
            super(message);
        }
    }
}
