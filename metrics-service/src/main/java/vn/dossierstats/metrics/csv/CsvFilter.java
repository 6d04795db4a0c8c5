package vn.dossierstats.metrics.csv;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open data: a report, {@code /children} and {@code /series} also as CSV ({@code Accept: text/csv} or
 * {@code ?format=csv}). The controller answers JSON as always and the CSV is written from that JSON, so the two carry
 * the same figures by construction, and the controller (and every other endpoint) stays untouched. The CSV has its
 * own strong entity tag (a tag names bytes, and these are other bytes) and {@code Vary: Accept}, which the gateway's
 * cache keys on together with the query, so one representation is never served for the other.
 *
 * <p>A request another instance forwarded here is answered in JSON: the instance that received it converts.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // after LanguageHeaderFilter, before Spring's own
class CsvFilter extends OncePerRequestFilter {

    private static final Pattern STATISTICS =
            Pattern.compile("/api/v1/stats/(units/[^/]+(/children|/series)?|country)");
    private static final String FORWARDED = "X-Stats-Forwarded";
    private static final String CSV_TYPE = "text/csv;charset=UTF-8;header=present";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || !STATISTICS.matcher(request.getRequestURI()).matches()
                || request.getHeader(FORWARDED) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Representation representation;
        try {
            representation =
                    Representation.of(formatParameter(request.getQueryString()), request.getHeader(HttpHeaders.ACCEPT));
        } catch (IllegalArgumentException invalid) {
            CsvAnswers.invalidFormat(response, invalid.getMessage());
            return;
        }
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (representation == Representation.JSON) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(new AsJson(request), captured);
        String type = captured.getContentType();
        if (captured.getStatus() != 200 || type == null || !type.startsWith(MediaType.APPLICATION_JSON_VALUE)) {
            captured.copyBodyToResponse(); // a problem, or anything else, as it is
            return;
        }
        JsonNode answer = json.readTree(captured.getContentAsByteArray());
        byte[] csv = ReportTable.csv(answer);
        CsvAnswers.answer(
                request,
                response,
                csv,
                CSV_TYPE,
                fileName(request.getRequestURI(), answer),
                captured.getHeader(HttpHeaders.CACHE_CONTROL));
    }

    /**
     * The {@code format} parameter read from the raw query: asking the container for a parameter makes it parse the
     * whole query, and a query it cannot parse would then fail here, outside the problem handler that answers it.
     */
    static String formatParameter(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("format=")) {
                try {
                    return URLDecoder.decode(pair.substring("format=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException unreadable) {
                    return pair; // not csv nor json: refused naming the parameter
                }
            }
        }
        return null;
    }

    private static String fileName(String path, JsonNode answer) {
        String unit = answer.path("unitCode").asString("unit").replaceAll("[^A-Za-z0-9._-]", "_");
        if (path.endsWith("/series")) {
            return unit + "-series.csv";
        }
        String period = answer.path("period").asString("").replaceAll("[^A-Za-z0-9-]", "_");
        return unit + (path.endsWith("/children") ? "-children-" : "-") + period + ".csv";
    }

    /** The request as the controller must see it: asking for JSON, with no tag of the CSV to compare. */
    private static final class AsJson extends HttpServletRequestWrapper {

        AsJson(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            if (HttpHeaders.ACCEPT.equalsIgnoreCase(name)) {
                return MediaType.APPLICATION_JSON_VALUE;
            }
            return HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (HttpHeaders.ACCEPT.equalsIgnoreCase(name)) {
                return Collections.enumeration(java.util.List.of(MediaType.APPLICATION_JSON_VALUE));
            }
            return HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(name)
                    ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }
    }
}
