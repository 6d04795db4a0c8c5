package vn.dossierstats.gateway.openapi;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.gateway.GatewayProperties;
import vn.dossierstats.gateway.problem.ProblemException;

/**
 * {@code GET /api/v1/openapi}: the public API as one OpenAPI document, merged from the services' own documents. The
 * gateway answers it itself (it is not a proxied route); the services' {@code /v3/api-docs} stay unreachable from
 * outside, like everything else that is not under a route.
 */
@Configuration
class ApiDocsRoutes {

    static final String PATH = "/api/v1/openapi";
    private static final Logger log = LoggerFactory.getLogger(ApiDocsRoutes.class);

    @Bean
    RouterFunction<ServerResponse> apiDocsRoute(GatewayProperties properties) {
        JsonMapper json = JsonMapper.builder().build();
        GatewayProperties.Services services = properties.services();
        List<ServiceApiDocs> sources = List.of(
                new ServiceApiDocs("dossier-service", services.dossier(), json),
                new ServiceApiDocs("metrics-service", services.metrics(), json),
                new ServiceApiDocs("ranking-service", services.ranking(), json));
        ApiDocsMerger merger = new ApiDocsMerger(
                "dossier-stats public API",
                "Real-time statistics of Vietnam's public-service dossiers. Sources write events with their key"
                        + " (X-Api-Key); administrators maintain the catalogue and calendar with their token"
                        + " (Authorization: Bearer); statistics, leaderboards and catalogue reads are public. Errors"
                        + " are RFC 9457 application/problem+json.");
        return RouterFunctions.route(GET(PATH), request -> Flux.fromIterable(sources)
                .flatMapSequential(source -> source.read()
                        .doOnError(
                                e -> log.warn("API description of {} unavailable: {}", source.service(), e.toString())))
                .collectList()
                .map(docs -> json.writeValueAsString(merger.merge(docs)))
                .onErrorMap(e -> new ProblemException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "The API description is unavailable while a service is down; try again shortly."))
                .flatMap(body -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)));
    }
}
