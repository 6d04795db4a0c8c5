package vn.dossierstats.gateway.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.gateway.limits.SourceRateLimits;

/**
 * Who may push DVCQG payloads (dvcqg.md, "Credentials"): the one-stop systems authenticate as they already do with the
 * portal, so the source is found from, in order, {@code X-Api-Key}, HTTP Basic (password = the source key), or the
 * envelope's {@code session}, which this gateway issued at {@code POST /api/v1/dvcqg/auth} ({@code {"username",
 * "password"}}) and answers itself. Refusals are in DVCQG's shape ({@code error_code}, {@code message}), which these
 * clients read; the forwarded request carries {@code X-Source-Id} as every source write does.
 */
final class DvcqgAccess {

    static final String LOGIN_PATH = "/api/v1/dvcqg/auth";

    private final SourceDirectory sources;
    private final DvcqgSessions sessions;
    private final SourceRateLimits rateLimits;
    private final JsonMapper json;

    DvcqgAccess(SourceDirectory sources, DvcqgSessions sessions, SourceRateLimits rateLimits, JsonMapper json) {
        this.sources = sources;
        this.sessions = sessions;
        this.rateLimits = rateLimits;
        this.json = json;
    }

    Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!"POST".equals(request.getMethod().name())) {
            exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, "POST");
            return answer(exchange, HttpStatus.METHOD_NOT_ALLOWED, "-1", "Chỉ nhận POST (POST only).", null);
        }
        boolean login =
                LOGIN_PATH.equals(request.getPath().pathWithinApplication().value());
        Optional<SourceIdentity> byHeader = login ? Optional.empty() : fromHeaders(request.getHeaders());
        if (byHeader.isPresent()) {
            return forward(exchange, chain, byHeader.get(), request);
        }
        return DataBufferUtils.join(request.getBody())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> {
                    JsonNode body = read(bytes);
                    if (login) {
                        return login(exchange, body);
                    }
                    String session = body != null && body.path("session").isString()
                            ? body.get("session").asString()
                            : null;
                    Optional<SourceIdentity> source = sessions.keyOf(session).flatMap(sources::authenticate);
                    if (source.isEmpty()) {
                        return answer(
                                exchange,
                                HttpStatus.UNAUTHORIZED,
                                "-1",
                                "Phiên không hợp lệ hoặc đã hết hạn: đăng nhập lại (a valid session from POST "
                                        + LOGIN_PATH + ", X-Api-Key or HTTP Basic is required).",
                                null);
                    }
                    return forward(exchange, chain, source.get(), replay(request, bytes));
                });
    }

    private Mono<Void> login(ServerWebExchange exchange, JsonNode body) {
        String password = body != null && body.path("password").isString()
                ? body.get("password").asString()
                : null;
        Optional<SourceIdentity> source = password == null ? Optional.empty() : sources.authenticate(password);
        if (source.isEmpty()) {
            return answer(
                    exchange,
                    HttpStatus.UNAUTHORIZED,
                    "-1",
                    "Đăng nhập không được: username is the source id, password the source key.",
                    null);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("session", sessions.open(password));
        extra.put("expires_in", sessions.ttl().toSeconds());
        return answer(exchange, HttpStatus.OK, "0", "Đăng nhập thành công", extra);
    }

    private Mono<Void> forward(
            ServerWebExchange exchange, GatewayFilterChain chain, SourceIdentity source, ServerHttpRequest request) {
        OptionalLong retryAfter = rateLimits.retryAfterSeconds(source.id());
        if (retryAfter.isPresent()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.getAsLong()));
            return answer(
                    exchange, HttpStatus.TOO_MANY_REQUESTS, "-1", "Quá nhiều yêu cầu: retry after Retry-After.", null);
        }
        exchange.getAttributes().put(ForwardedIdentity.SOURCE_ATTR, source);
        return chain.filter(exchange.mutate().request(request).build());
    }

    private Optional<SourceIdentity> fromHeaders(HttpHeaders headers) {
        String apiKey = headers.getFirst(ForwardedIdentity.API_KEY);
        if (apiKey != null && !apiKey.isBlank()) {
            return sources.authenticate(apiKey);
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return colon < 0 ? Optional.empty() : sources.authenticate(pair.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private JsonNode read(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            return null; // no session to find: refused as unauthenticated
        }
    }

    /** The request with the body already read, to be read again by the proxy. */
    private static ServerHttpRequest replay(ServerHttpRequest request, byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(request.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(bytes.length);
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(
                        org.springframework.core.io.buffer.DefaultDataBufferFactory.sharedInstance.wrap(bytes)));
            }
        };
    }

    private Mono<Void> answer(
            ServerWebExchange exchange,
            HttpStatus status,
            String errorCode,
            String message,
            Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", errorCode);
        body.put("message", message);
        if (extra != null) {
            body.putAll(extra);
        }
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
        exchange.getResponse().getHeaders().setContentLength(bytes.length);
        return exchange.getResponse()
                .writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(bytes)));
    }
}
