package vn.dossierstats.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** An error the gateway raises inside a stream (e.g. a body that grows too large); its detail is safe to show. */
public class ProblemException extends ResponseStatusException {

    private final String detail;

    public ProblemException(HttpStatus status, String detail) {
        super(status, detail);
        this.detail = detail;
    }

    String detail() {
        return detail;
    }
}
