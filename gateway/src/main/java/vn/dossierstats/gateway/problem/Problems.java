package vn.dossierstats.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes the gateway's own errors as RFC 9457 problem+json ({@code type}, {@code title}, {@code status},
 * {@code detail}, and {@code errors} naming what was invalid, as the services do): fixed texts and the names the
 * caller sent only, never a stack trace, exception message or internal address.
 */
public final class Problems {

    /** One invalid part of the request (a query parameter, a field) and what is wrong with it. */
    public record FieldError(String field, String message) {}

    private Problems() {}

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, detail, List.of());
    }

    public static Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String detail, List<FieldError> errors) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // too late for a problem (e.g. a stream broke midway): the connection is closed instead
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().remove("Content-Length");
        byte[] body = json(status, detail, errors).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    static String json(HttpStatus status, String detail) {
        return json(status, detail, List.of());
    }

    public static String json(HttpStatus status, String detail, List<FieldError> errors) {
        StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"title\":\"")
                .append(escape(status.getReasonPhrase()))
                .append("\",\"status\":")
                .append(status.value())
                .append(",\"detail\":\"")
                .append(escape(detail))
                .append('"');
        if (!errors.isEmpty()) {
            json.append(",\"errors\":[");
            for (int i = 0; i < errors.size(); i++) {
                json.append(i == 0 ? "" : ",")
                        .append("{\"field\":\"")
                        .append(escape(errors.get(i).field()))
                        .append("\",\"message\":\"")
                        .append(escape(errors.get(i).message()))
                        .append("\"}");
            }
            json.append(']');
        }
        return json.append('}').toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
