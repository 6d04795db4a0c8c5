package vn.dossierstats.deploy.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's HTTP client: everything it measures goes through the gateway, like a real client's requests. */
final class GatewayClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RETRIES = 5;

    private final String gateway;
    private final String sourceKey;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    GatewayClient(String gateway, String sourceKey) {
        this.gateway = gateway;
        this.sourceKey = sourceKey;
    }

    /**
     * Posts a batch and returns how many of its events are in (accepted now, or duplicates of an earlier attempt).
     * Like a real source system it sends the same batch again when the gateway answers 503/504 (or 429, after Retry-After) or the connection
     * fails: ingestion is idempotent by eventId, so a retry never counts an event twice.
     */
    int postBatch(List<String> events) {
        String body = "{\"events\":[" + String.join(",", events) + "]}";
        HttpResponse<String> response = sendWithRetries(post("/api/v1/dossier-events/batch", body));
        JsonNode result = JSON.readTree(response.body());
        int in = result.path("accepted").asInt() + result.path("duplicates").asInt();
        if (response.statusCode() != 200 || in != events.size()) {
            throw new IllegalStateException("batch not fully accepted: " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return events.size();
    }

    /** Posts one event, with the same retries; fails unless it was accepted (or was a duplicate of a retry). */
    void postEvent(String event) {
        HttpResponse<String> response = sendWithRetries(post("/api/v1/dossier-events", event));
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            throw new IllegalStateException("event not accepted: " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> sendWithRetries(HttpRequest.Builder request) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = send(request);
                int status = response.statusCode();
                if ((status != 429 && status != 503 && status != 504) || attempt == RETRIES) {
                    return response;
                }
                if (status == 429) {
                    long wait =
                            response.headers().firstValueAsLong("Retry-After").orElse(1);
                    java.util.concurrent.locks.LockSupport.parkNanos(wait * 1_000_000_000L);
                }
            } catch (UncheckedIOException e) {
                if (attempt == RETRIES) {
                    throw e;
                }
            }
        }
    }

    JsonNode getJson(String path) {
        HttpResponse<String> response = send(get(path));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    JsonNode getJson(String base, String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<HttpResponse<Void>> getAsync(String path) {
        return http.sendAsync(get(path).build(), HttpResponse.BodyHandlers.discarding());
    }

    void put(String path, String json, String adminToken) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + adminToken)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    "PUT " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", sourceKey)
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
