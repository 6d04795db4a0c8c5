package vn.dossierstats.ranking.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors as problem+json; Spring MVC's own through {@link ResponseEntityExceptionHandler}. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        HttpStatus status = HttpStatus.valueOf(problem.status());
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, problem.getMessage());
        detail.setTitle(status == HttpStatus.BAD_REQUEST ? "Invalid request" : status.getReasonPhrase());
        if (problem.field() != null) {
            detail.setProperty("errors", List.of(Map.of("field", problem.field(), "message", problem.getMessage())));
        }
        return respond(detail);
    }

    /** Only history reads touch the database: the live leaderboards stay served when it is down. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> historyUnavailable(DataAccessException exception) {
        log.warn("Leaderboard history unavailable: {}", exception.getMessage());
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "Leaderboard history is unavailable; retry later.");
        detail.setTitle("History unavailable");
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

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail detail) {
        return ResponseEntity.status(detail.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }
}
