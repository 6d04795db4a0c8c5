package vn.dossierstats.gateway.routing;

import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.dossierstats.gateway.problem.Problems;
import vn.dossierstats.gateway.problem.Problems.FieldError;

/**
 * Refuses, before any route, a query whose parameter names or values are not UTF-8 once percent-decoded (an encoded
 * surrogate, an overlong form, {@code %FF}, a truncated escape), with a problem naming the parameter. The services'
 * Tomcat fails the first read of any parameter on such a query, whichever one is asked for, so even a parameter no
 * route knows would break the request there; and no parameter of the API is anything but UTF-8.
 */
@Component
class UnsafeQueryFilter implements WebFilter, Ordered {

    static final String NOT_UTF8 = "is not valid percent-encoded UTF-8";

    /** A name longer than this is shown cut: it is named so the caller finds it, not echoed in full. */
    private static final int MAX_SHOWN_NAME = 64;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 31; // just after the path's check
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<String> parameter =
                undecodableParameter(exchange.getRequest().getURI().getRawQuery());
        if (parameter.isEmpty()) {
            return chain.filter(exchange);
        }
        return Problems.write(exchange, HttpStatus.BAD_REQUEST, detail(parameter.get()), errors(parameter.get()));
    }

    /**
     * The first parameter whose name or value is not UTF-8 once percent-decoded: its decoded name, or the name as sent
     * when the name itself is what cannot be decoded. Empty for a query that is fine, and at once for one in plain
     * ASCII without escapes (nearly every query), which cannot be anything but UTF-8.
     */
    static Optional<String> undecodableParameter(String rawQuery) {
        if (rawQuery == null || StrictPercentDecoding.isPlainAscii(rawQuery)) {
            return Optional.empty();
        }
        for (String parameter : rawQuery.split("&")) {
            int equals = parameter.indexOf('=');
            String sentName = equals < 0 ? parameter : parameter.substring(0, equals);
            // in a query '+' is a space, as the services read it
            String name = StrictPercentDecoding.decode(sentName.replace('+', ' '));
            if (name == null) {
                return Optional.of(shown(sentName));
            }
            if (equals >= 0 && StrictPercentDecoding.decode(parameter.substring(equals + 1)) == null) {
                return Optional.of(shown(name));
            }
        }
        return Optional.empty();
    }

    static String detail(String parameter) {
        return "The query parameter '" + parameter + "' " + NOT_UTF8 + ".";
    }

    static List<FieldError> errors(String parameter) {
        return List.of(new FieldError(parameter, NOT_UTF8));
    }

    private static String shown(String name) {
        if (name.length() <= MAX_SHOWN_NAME) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(MAX_SHOWN_NAME - 1)) ? MAX_SHOWN_NAME - 1 : MAX_SHOWN_NAME;
        return name.substring(0, end) + "...";
    }
}
