package vn.dossierstats.gateway.routing;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.dossierstats.gateway.problem.Problems;

/**
 * Refuses paths a service could read differently from the router. The gateway forwards the raw path; a servlet
 * container behind it decodes {@code %2e%2e}, drops {@code ;params} and normalizes dot segments, so
 * {@code /api/v1/dossiers/..%2f..%2factuator/env} would match a public route here and reach the service's actuator
 * there. No API path needs dot segments, encoded slashes, path parameters or control characters, and none is
 * anything but UTF-8 ({@link StrictPercentDecoding}).
 */
@Component
class UnsafePathFilter implements WebFilter, Ordered {

    static final String REFUSAL = "The request path is not acceptable.";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (!isSafe(rawPath)) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, REFUSAL);
        }
        return chain.filter(exchange);
    }

    static boolean isSafe(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return true;
        }
        if (StrictPercentDecoding.isPlainAscii(rawPath)) {
            return isSafePlain(rawPath);
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.indexOf(';') >= 0) {
                return false;
            }
            String decoded = StrictPercentDecoding.decode(segment);
            if (decoded == null) {
                return false;
            }
            if (decoded.equals(".") || decoded.equals("..")) {
                return false;
            }
            for (int i = 0; i < decoded.length(); i++) {
                char c = decoded.charAt(i);
                if (c == '/' || c == '\\' || c == ';' || c < 0x20 || c == 0x7f) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The same rules for a path without escapes or non-ASCII characters (nearly every request), which is its own
     * decoding: one pass over its characters, without splitting it into segments.
     */
    private static boolean isSafePlain(String path) {
        int segmentStart = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                if (isDotSegment(path, segmentStart, i)) {
                    return false;
                }
                segmentStart = i + 1;
            } else if (c == ';' || c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return !isDotSegment(path, segmentStart, path.length());
    }

    private static boolean isDotSegment(String path, int start, int end) {
        return switch (end - start) {
            case 1 -> path.charAt(start) == '.';
            case 2 -> path.charAt(start) == '.' && path.charAt(start + 1) == '.';
            default -> false;
        };
    }
}
