package vn.dossierstats.gateway.routing;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import vn.dossierstats.gateway.problem.Problems;
import vn.dossierstats.gateway.requestid.RequestIdFilter;

/**
 * A request target that {@link java.net.URI} cannot parse, such as a truncated or non-hex escape ({@code %E},
 * {@code %ZZ}, a lone {@code %}), never reaches the gateway's filters: Spring's Reactor Netty adapter answers it with a
 * bare 400 before there is an exchange. This gives that 400 the body of every other refusal (naming the query parameter
 * as {@link UnsafeQueryFilter} does) and a request id. Only a 400 nothing was written for is touched: every request the
 * gateway handled has sent its headers by the time its handling completes.
 */
@Component
class UnparsableUriProblems implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.mapHandle((handled, connection) -> handled.then(Mono.defer(() -> problemFor(connection))));
    }

    private static Mono<Void> problemFor(Connection connection) {
        if (!(connection instanceof HttpServerRequest request)
                || !(connection instanceof HttpServerResponse response)
                || response.hasSentHeaders()
                || !response.status().equals(HttpResponseStatus.BAD_REQUEST)) {
            return Mono.empty();
        }
        byte[] body = problem(request.uri()).getBytes(StandardCharsets.UTF_8);
        return response.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .header(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length))
                .header(
                        RequestIdFilter.HEADER,
                        RequestIdFilter.idFor(request.requestHeaders().get(RequestIdFilter.HEADER)))
                .sendByteArray(Mono.just(body))
                .then();
    }

    /** The problem a request target gets: the query parameter or the path the gateway's filters would refuse. */
    static String problem(String uri) {
        int query = uri.indexOf('?');
        return UnsafeQueryFilter.undecodableParameter(query < 0 ? null : uri.substring(query + 1))
                .map(parameter -> Problems.json(
                        HttpStatus.BAD_REQUEST,
                        UnsafeQueryFilter.detail(parameter),
                        UnsafeQueryFilter.errors(parameter)))
                .orElseGet(() -> Problems.json(
                        HttpStatus.BAD_REQUEST,
                        UnsafePathFilter.isSafe(query < 0 ? uri : uri.substring(0, query))
                                ? "The request URI is not acceptable."
                                : UnsafePathFilter.REFUSAL,
                        List.of()));
    }
}
