package vn.dossierstats.ranking.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400 an {@code Accept-Language} header Tomcat cannot read (more languages than its
 * {@code maxLocaleCount}, 10): Spring's RequestContextFilter asks for the request's locale before any controller, and
 * the exception Tomcat throws there would become a 500 outside the problem handler. No answer of this service depends
 * on the language; the header is only read so that it cannot fail later.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // before Spring's RequestContextFilter
class LanguageHeaderFilter extends OncePerRequestFilter {

    private static final byte[] PROBLEM = ("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                    + "\"detail\":\"The Accept-Language header cannot be read: it lists too many languages.\","
                    + "\"errors\":[{\"field\":\"Accept-Language\",\"message\":\"lists too many languages\"}]}")
            .getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getLocales();
        } catch (IllegalArgumentException unreadable) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(PROBLEM.length);
            response.getOutputStream().write(PROBLEM);
            return;
        }
        chain.doFilter(request, response);
    }
}
