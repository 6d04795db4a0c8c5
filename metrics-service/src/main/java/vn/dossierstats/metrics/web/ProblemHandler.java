package vn.dossierstats.metrics.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors as problem+json; Spring MVC's own through {@link ResponseEntityExceptionHandler}. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        HttpStatus status = HttpStatus.valueOf(problem.status());
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, problem.getMessage());
        detail.setTitle(status == HttpStatus.BAD_REQUEST ? "Invalid request" : status.getReasonPhrase());
        if (problem.field() != null) {
            detail.setProperty("errors", List.of(Map.of("field", problem.field(), "message", problem.getMessage())));
        }
        if (problem.successor() != null) {
            detail.setProperty("successor", problem.successor());
        }
        return respond(detail);
    }

    /**
     * Restoring, rebalancing, or the instance that holds the unit gone: answered again within seconds, by this instance
     * or by the one that takes the unit over. Never a figure read from a store that is not the unit's.
     */
    @ExceptionHandler({InvalidStateStoreException.class, Peers.PeerUnavailable.class})
    ResponseEntity<ProblemDetail> notReady(RuntimeException exception) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Statistics are being restored or are moving between instances; retry in a moment.");
        detail.setTitle("Statistics not ready");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }

    /**
     * Tomcat decodes the whole query on the first read of any parameter, and that read fails, whichever parameter was
     * asked for, when a name or value is not percent-encoded UTF-8, a value has no name, or there are more parameters
     * than it reads: the caller's fault, not ours (the gateway refuses the undecodable ones first, but a caller inside
     * the cluster may come straight here). The exception's message quotes the caller's bytes, so it is not shown.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableQuery(InvalidParameterException exception) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The query cannot be read: a parameter name or value is not percent-encoded UTF-8, a value has no name,"
                        + " or there are too many parameters.");
        detail.setTitle("Invalid request");
        return respond(detail);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Unexpected failure", exception);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed.");
        detail.setTitle("Internal error");
        return respond(detail);
    }

    /**
     * Spring MVC's own errors as problem+json whatever the {@code Accept} header: negotiated, an Accept it cannot parse
     * or that lists no JSON type would leave a 404 or 406 without a body.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response == null || !(response.getBody() instanceof ProblemDetail problem)) {
            return response;
        }
        typed(problem);
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.getBody());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail detail) {
        return ResponseEntity.status(detail.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(typed(detail));
    }

    /**
     * Spring 7 leaves a problem's {@code type} null, and so out of the JSON, unless it is set; api.md lists
     * {@code type} among the members of every error: {@code about:blank} where no more specific type applies.
     */
    private static ProblemDetail typed(ProblemDetail detail) {
        if (detail.getType() == null) {
            detail.setType(ABOUT_BLANK);
        }
        return detail;
    }
}
