package vn.dossierstats.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for one service: records every request it receives (by {@code X-Request-Id}) and answers 200 JSON. Paths
 * ending in {@code /slow} stall longer than the test's response timeout, {@code /problem} answers a service
 * problem+json, and {@code /api/v1/leaderboards/stream} is a Server-Sent Events stream. Paths given a
 * {@linkplain #serveTagged tagged resource} answer as ranking- and metrics-service do: with a strong {@code ETag} and
 * {@code Cache-Control: public, max-age=0, must-revalidate}, and 304 to an {@code If-None-Match} naming it. A stub can
 * also {@linkplain #answerUnavailable answer 503} to every API request (an instance alive but not serving, as
 * metrics-service while its partitions move) or be {@linkplain #stop stopped} (an instance killed).
 */
final class StubService {

    /** What the service received. Header names are lower case. */
    record Received(String method, String path, String query, Map<String, List<String>> headers, long bodyBytes) {

        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }
    }

    static final String SERVICE_PROBLEM =
            "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,\"detail\":\"unknown unit X\"}";

    static final String UNAVAILABLE_PROBLEM =
            "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}";

    private final String name;
    private final HttpServer server;
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> streamGates = new ConcurrentHashMap<>();
    private final StubKeyFeed keyFeed = new StubKeyFeed();
    private final Map<String, Tagged> tagged = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> taggedRequests = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private volatile boolean unavailable;

    /** What a tagged path answers. */
    private record Tagged(int status, String contentType, String body, String etag) {}

    StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stub-" + name);
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    String name() {
        return name;
    }

    /** From now on every request but the actuator's answers 503 problem+json with Retry-After. */
    void answerUnavailable() {
        unavailable = true;
    }

    /** Closes the port at once, as a killed process would: connections are refused from now on. */
    void stop() {
        server.stop(0);
    }

    /** The request with this request id, if it reached this service. */
    Optional<Received> received(String requestId) {
        return Optional.ofNullable(received.get(requestId));
    }

    /** The source key feed this stub serves (only the gateway's poller asks dossier-service for it). */
    StubKeyFeed keyFeed() {
        return keyFeed;
    }

    /** Lets the SSE stream of this request id send its second event and end. */
    void releaseStream(String requestId) {
        streamGates.computeIfAbsent(requestId, id -> new CountDownLatch(1)).countDown();
    }

    /** From now on, {@code path} answers 200 with this JSON body and its entity tag. */
    void serveTagged(String path, String body) {
        serveTagged(path, 200, "application/json", body);
    }

    /** From now on, {@code path} answers this status and body, with an entity tag and caching headers all the same. */
    void serveTagged(String path, int status, String contentType, String body) {
        tagged.put(path, new Tagged(status, contentType, body, etagOf(body)));
    }

    /** The entity tag the tagged path answers with now. */
    String etagAt(String path) {
        return tagged.get(path).etag();
    }

    /** Every request a tagged path received, in order. */
    List<Received> requestsTo(String path) {
        return List.copyOf(taggedRequests.getOrDefault(path, List.of()));
    }

    /** Requests to the tagged path wait (at most 10 s) until {@link #release}. */
    void hold(String path) {
        holds.put(path, new CountDownLatch(1));
    }

    void release(String path) {
        CountDownLatch hold = holds.remove(path);
        if (hold != null) {
            hold.countDown();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long bodyBytes;
            try {
                bodyBytes = exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            } catch (IOException aborted) {
                bodyBytes = -1; // the gateway cut the upload (e.g. body too large)
            }
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), List.copyOf(values)));
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            String path = exchange.getRequestURI().getPath();
            Received request = new Received(
                    exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers, bodyBytes);
            if (requestId != null) {
                received.put(requestId, request);
            }
            Tagged resource = tagged.get(path);
            if (unavailable && !path.startsWith("/actuator/")) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                respond(exchange, 503, "application/problem+json", UNAVAILABLE_PROBLEM);
            } else if (resource != null) {
                taggedRequests
                        .computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                        .add(request);
                CountDownLatch hold = holds.get(path);
                if (hold != null) {
                    await(hold, 10);
                }
                respondTagged(
                        exchange, resource, request.header("If-None-Match").orElse(null));
            } else if (path.equals("/internal/v1/source-keys")) {
                respond(
                        exchange,
                        200,
                        "application/json",
                        keyFeed.answer(exchange.getRequestURI().getRawQuery()));
            } else if (path.endsWith("/slow")) {
                await(new CountDownLatch(1), 3); // longer than the test's 1 s response timeout
                respond(exchange, 200, "application/json", "{\"late\":true}");
            } else if (path.endsWith("/problem")) {
                respond(exchange, 422, "application/problem+json", SERVICE_PROBLEM);
            } else if (path.equals("/v3/api-docs")) {
                respond(exchange, 200, "application/json", apiDocs());
            } else if (path.equals("/api/v1/leaderboards/stream")) {
                stream(exchange, requestId);
            } else {
                respond(exchange, 200, "application/json", "{\"service\":\"" + name + "\"}");
            }
        }
    }

    /**
     * Headers only after 1.5 s (beyond the normal response timeout), then one event, then waits until the test has read
     * it before the second event: the test sees the first event only if the gateway streams without buffering.
     */
    private void stream(HttpExchange exchange, String requestId) throws IOException {
        await(new CountDownLatch(1), 1.5);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write("event: leaderboard\ndata: {\"n\":1}\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        await(streamGates.computeIfAbsent(requestId, id -> new CountDownLatch(1)), 10);
        body.write("event: leaderboard\ndata: {\"n\":2}\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    /** A service's own OpenAPI document: one public path, one internal path, its internal address. */
    private String apiDocs() {
        return ("{'openapi':'3.1.0','info':{'title':'%1$s','version':'v1'},"
                        + "'servers':[{'url':'%2$s'}],"
                        + "'paths':{'/api/v1/%1$s-things':{'get':{'parameters':[{'name':'X-Source-Id','in':'header'}],"
                        + "'responses':{'200':{'description':'OK'}}}},"
                        + "'/internal/%1$s':{'get':{'responses':{'200':{'description':'OK'}}}}}}")
                .formatted(name, uri())
                .replace('\'', '"');
    }

    private static void respondTagged(HttpExchange exchange, Tagged resource, String ifNoneMatch) throws IOException {
        exchange.getResponseHeaders().set("ETag", resource.etag());
        exchange.getResponseHeaders().set("Cache-Control", "public, max-age=0, must-revalidate");
        if (resource.status() == 200 && resource.etag().equals(ifNoneMatch)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        respond(exchange, resource.status(), resource.contentType(), resource.body());
    }

    private static String etagOf(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void await(CountDownLatch latch, double seconds) {
        try {
            latch.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
