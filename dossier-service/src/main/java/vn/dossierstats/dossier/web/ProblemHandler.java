package vn.dossierstats.dossier.web;

import java.net.URI;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error leaves as problem+json: ours with their fields, Spring MVC's own, and the unexpected as a bare 500. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** A database restart or failover takes seconds: asking again after one is soon enough and cheap. */
    static final int RETRY_AFTER_SECONDS = 1;

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return respond(toDetail(problem));
    }

    /**
     * Tomcat decodes the whole query on the first read of any parameter, and that read fails, whichever parameter was
     * asked for, when a name or value is not percent-encoded UTF-8, a value has no name, or there are more parameters
     * than it reads: the caller's fault, not ours (the gateway refuses the undecodable ones first, but a caller inside
     * the cluster may come straight here). The exception's message quotes the caller's bytes, so it is not shown.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unreadableQuery(InvalidParameterException exception) {
        return respond(toDetail(new ApiProblem(
                400,
                "Invalid request",
                "The query cannot be read: a parameter name or value is not percent-encoded UTF-8, a value has no name,"
                        + " or there are too many parameters.",
                List.of())));
    }

    /**
     * The database is out of reach (down, restarting, its connection lost mid-transaction): nothing was applied, or, if
     * a commit's answer was lost, it was and a resend is answered as a duplicate. Either way the source should send
     * again shortly: 503 with Retry-After, as api.md promises when a service cannot answer, never a 500.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        RecoverableDataAccessException.class,
        TransactionException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception exception) {
        log.warn("Database unavailable: {}", exception.toString());
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The database cannot be reached right now; retry later.");
        detail.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(typed(detail));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        log.error("Unexpected failure", exception);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed; it was not applied.");
        detail.setTitle("Internal error");
        return respond(detail);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response == null || !(response.getBody() instanceof ProblemDetail problem)) {
            return response;
        }
        problem.setInstance(null);
        typed(problem);
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static ProblemDetail toDetail(ApiProblem problem) {
        ProblemDetail detail =
                ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(problem.status()), problem.getMessage());
        detail.setTitle(problem.title());
        if (!problem.errors().isEmpty()) {
            detail.setProperty("errors", problem.errors());
        }
        return detail;
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
