package vn.dossierstats.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * there. No API path needs dot segments, encoded slashes, path parameters or control characters.
 */
@Component
class UnsafePathFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String rawPath = exchange.getRequest().getURI().getRawPath();
        if (!isSafe(rawPath)) {
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "The request path is not acceptable.");
        }
        return chain.filter(exchange);
    }

    static boolean isSafe(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return true;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.indexOf(';') >= 0) {
                return false;
            }
            String decoded = decode(segment);
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
     * The segment percent-decoded as strict UTF-8, or null when an escape is malformed or the bytes are not UTF-8
     * (overlong forms such as {@code %C0%AE}, surrogates such as {@code %ED%A0%80}, {@code %FF}): a lenient decoder
     * would let them through as replacement characters, and the service's container answers them with its own HTML
     * error page.
     */
    private static String decode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            int c = segment.codePointAt(i);
            if (c != '%') {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c) - 1;
                continue;
            }
            if (i + 2 >= segment.length()) {
                return null;
            }
            int high = Character.digit(segment.charAt(i + 1), 16);
            int low = Character.digit(segment.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
