package vn.dossierstats.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.server.ResponseStatusException;

class ProblemsTest {

    @Test
    void aProblemHasTypeTitleStatusAndAnEscapedDetail() {
        assertThat(Problems.json(HttpStatus.UNAUTHORIZED, "say \"hi\"\\\n"))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"say \\\"hi\\\"\\\\\\u000a\"}");
    }

    @Test
    void aProblemAboutAParameterNamesItInErrorsAsTheServicesDo() {
        assertThat(Problems.json(
                        HttpStatus.BAD_REQUEST,
                        "The query parameter 'a\"b' is wrong.",
                        List.of(new Problems.FieldError("a\"b", "is wrong"))))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"The query parameter 'a\\\"b' is wrong.\","
                        + "\"errors\":[{\"field\":\"a\\\"b\",\"message\":\"is wrong\"}]}");
    }

    @Test
    void failuresToReachAServiceMapToGatewayStatuses() {
        assertThat(ProblemErrorHandler.statusOf(new RuntimeException(new ConnectException("refused"))))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ProblemErrorHandler.statusOf(
                        new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "x", new TimeoutException())))
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(ProblemErrorHandler.statusOf(ReadTimeoutException.INSTANCE)).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(ProblemErrorHandler.statusOf(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ProblemErrorHandler.statusOf(new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "big")))
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(ProblemErrorHandler.statusOf(new java.io.IOException("connection closed before response")))
                .isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(ProblemErrorHandler.statusOf(new InvalidMimeTypeException("[text/*, ...]", "Too many elements")))
                .isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        assertThat(ProblemErrorHandler.statusOf(new IllegalStateException("bug")))
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
