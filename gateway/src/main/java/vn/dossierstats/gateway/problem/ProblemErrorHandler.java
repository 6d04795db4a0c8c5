package vn.dossierstats.gateway.problem;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import vn.dossierstats.gateway.requestid.RequestIdFilter;
import vn.dossierstats.gateway.requestid.RequestLog;

/**
 * Every failure inside the gateway becomes problem+json: a service that cannot be reached, or that dropped the
 * connection before answering, is 503, one too slow 504 (both with {@code Retry-After}), an unrouted path 404. The cause (host names, exception messages) goes to the log, never to the caller.
 */
@Component
@Order(-2) // before Boot's default handler (-1), which would answer with its own JSON shape
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);
    /** A service restarts, or a healthy instance takes over, within seconds: one is a fair first wait. */
    private static final String RETRY_AFTER_SECONDS = "1";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatus status = statusOf(error);
        String detail = error instanceof ProblemException problem ? problem.detail() : detailOf(status);
        if ((status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.GATEWAY_TIMEOUT)
                && !exchange.getResponse().isCommitted()) {
            // api.md: a request that cannot be answered now is retried after Retry-After; sources wait that long
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (!status.is5xxServerError()) {
            return Problems.write(exchange, status, detail);
        }
        return Mono.deferContextual(context -> {
            // the trace comes from the context; the request id is not in it here (this handler runs outside the
            // request id filter's context), so it is put into the MDC from the response for this line
            RequestLog.log(context, () -> {
                try (var ignored = MDC.putCloseable(
                        RequestIdFilter.MDC_KEY,
                        exchange.getResponse().getHeaders().getFirst(RequestIdFilter.HEADER))) {
                    log.warn(
                            "{} {} answered {}: {}",
                            exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(),
                            status.value(),
                            error.toString());
                }
            });
            return Problems.write(exchange, status, detail);
        });
    }

    static HttpStatus statusOf(Throwable error) {
        if (causedBy(error, ConnectException.class)
                || causedBy(error, ConnectTimeoutException.class)
                || causedBy(error, UnknownHostException.class)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (causedBy(error, TimeoutException.class) || causedBy(error, ReadTimeoutException.class)) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        if (causedBy(error, InvalidMimeTypeException.class)) {
            // WebFlux's handler mapping turns an Accept header it cannot parse into a 406, but lets one of more than 50
            // media types fail (MimeTypeUtils.sortBySpecificity): the caller's header either way
            return HttpStatus.NOT_ACCEPTABLE;
        }
        if (error instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            return status == null ? HttpStatus.BAD_GATEWAY : status;
        }
        if (causedBy(error, IOException.class)) {
            // e.g. the service closed the connection before answering (it died mid-request): whether it applied a
            // write is unknown, and sending it again is safe (ingestion is idempotent by event id), so the caller is
            // told to retry, like for a service it cannot reach
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String detailOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This resource does not accept this method.";
            case NOT_ACCEPTABLE -> "The Accept header cannot be read, or lists no media type this resource serves.";
            case SERVICE_UNAVAILABLE -> "The service behind this path is unavailable; retry later.";
            case GATEWAY_TIMEOUT -> "The service behind this path did not answer in time; retry later.";
            case BAD_GATEWAY -> "The service behind this path did not answer properly; retry later.";
            case CONTENT_TOO_LARGE -> "The request body is too large.";
            case INTERNAL_SERVER_ERROR -> "The gateway could not process the request.";
            default -> status.is4xxClientError() ? "The request cannot be processed." : "The request failed.";
        };
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
