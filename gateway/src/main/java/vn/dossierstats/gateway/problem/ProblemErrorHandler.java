package vn.dossierstats.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's own failures as problem+json: a service that does not answer is 503, one too slow is 504, an unknown
 * path 404. Nothing of the cause (host names, stack traces) leaves the gateway; it goes to the log.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatus status;
        String detail;
        if (causedBy(error, ConnectException.class)
                || causedBy(error, io.netty.channel.ConnectTimeoutException.class)) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            detail = "The service behind this path is unavailable; retry later.";
        } else if (causedBy(error, TimeoutException.class)
                || error instanceof ResponseStatusException rse
                        && rse.getStatusCode().value() == 504) {
            status = HttpStatus.GATEWAY_TIMEOUT;
            detail = "The service behind this path did not answer in time.";
        } else if (error instanceof ResponseStatusException rse) {
            HttpStatusCode code = rse.getStatusCode();
            status = HttpStatus.resolve(code.value()) == null
                    ? HttpStatus.BAD_GATEWAY
                    : HttpStatus.valueOf(code.value());
            detail = status == HttpStatus.NOT_FOUND ? "No such resource." : safeReason(rse, status);
        } else {
            status = HttpStatus.BAD_GATEWAY;
            detail = "The request could not be forwarded.";
        }
        if (status.is5xxServerError()) {
            log.warn(
                    "{} {} failed with {}: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    status.value(),
                    error.toString());
        }
        return Problems.write(exchange.getResponse(), status, detail);
    }

    private static String safeReason(ResponseStatusException exception, HttpStatus status) {
        return status.is4xxClientError() && exception.getReason() != null
                ? exception.getReason()
                : status.getReasonPhrase();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
