package vn.dossierstats.metrics.csv;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Writing a CSV answer (200, or 304 when the caller holds it) and the problem for a bad {@code format}. */
final class CsvAnswers {

    private CsvAnswers() {}

    static void answer(
            HttpServletRequest request,
            HttpServletResponse response,
            byte[] csv,
            String contentType,
            String fileName,
            String cacheControl)
            throws IOException {
        String etag = "\"" + hash(csv) + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        if (cacheControl != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setContentLength(0);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"");
        response.setContentLength(csv.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(csv);
        }
    }

    static void invalidFormat(HttpServletResponse response, String reason) throws IOException {
        byte[] problem = ("{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":400,"
                        + "\"detail\":\"format " + reason + "\","
                        + "\"errors\":[{\"field\":\"format\",\"message\":\"" + reason + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(problem.length);
        response.getOutputStream().write(problem);
    }

    /** Whether {@code If-None-Match} names the tag (weak comparison, RFC 9110 section 13.1.2, as for GET). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** The first 128 bits of the SHA-256 of the bytes, as the services tag their JSON. */
    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
