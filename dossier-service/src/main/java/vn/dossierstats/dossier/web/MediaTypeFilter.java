package vn.dossierstats.dossier.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every body this service reads is JSON: a write whose {@code Content-Type} is missing, not JSON, a wildcard or
 * unreadable is refused with 415 before any controller sees it. The controllers read the body as text, so without this
 * a JSON event sent as {@code text/plain} would be accepted, and {@code Content-Type: *}{@code /*} made Spring MVC fail
 * with an assertion the error handler could only answer as a 500.
 */
@Component
class MediaTypeFilter extends OncePerRequestFilter {

    private static final byte[] PROBLEM =
            ("{\"type\":\"about:blank\",\"title\":\"Unsupported Media Type\",\"status\":415,"
                            + "\"detail\":\"The body must be JSON: Content-Type: application/json.\"}")
                    .getBytes(StandardCharsets.UTF_8);

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (WRITES.contains(request.getMethod()) && !json(request.getContentType())) {
            response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(PROBLEM.length);
            response.getOutputStream().write(PROBLEM);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return false;
            }
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || ("application".equals(type.getType())
                            && type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
