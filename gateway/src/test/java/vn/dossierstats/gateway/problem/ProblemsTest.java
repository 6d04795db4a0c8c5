package vn.dossierstats.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.server.ResponseStatusException;

class ProblemsTest {

    @Test
    void aServiceThatCannotBeReachedOrDroppedTheRequestIsA503WithRetryAfterAndASlowOneA504() {
        Map<Throwable, HttpStatus> failures = Map.of(
                new RuntimeException(new ConnectException("refused")),
                HttpStatus.SERVICE_UNAVAILABLE,
                new java.io.IOException("connection closed before response"),
                HttpStatus.SERVICE_UNAVAILABLE,
                ReadTimeoutException.INSTANCE,
                HttpStatus.GATEWAY_TIMEOUT);
        failures.forEach((failure, status) -> {
            MockServerWebExchange exchange =
                    MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/dossier-events"));
            new ProblemErrorHandler().handle(exchange, failure).block();
            assertThat(exchange.getResponse().getStatusCode())
                    .as(failure.toString())
                    .isEqualTo(status);
            assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After"))
                    .as(failure.toString())
                    .isEqualTo("1");
        });
    }

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
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(ProblemErrorHandler.statusOf(new InvalidMimeTypeException("[text/*, ...]", "Too many elements")))
                .isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        assertThat(ProblemErrorHandler.statusOf(new IllegalStateException("bug")))
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
