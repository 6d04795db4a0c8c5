package vn.dossierstats.gateway.openapi;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service's own OpenAPI document ({@code /v3/api-docs}, reachable only from inside), kept for a while once read:
 * it changes only when the service is redeployed. A failure is not kept, so the next request tries again. Of several
 * instances, the first that answers gives it (they run the same build).
 */
final class ServiceApiDocs {

    static final String DOCS_PATH = "/v3/api-docs";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration KEEP = Duration.ofMinutes(1);
    private static final int MAX_DOC_BYTES = 4 * 1024 * 1024;

    private final String service;
    private final Mono<JsonNode> doc;

    ServiceApiDocs(String service, List<URI> instances, JsonMapper json) {
        this.service = service;
        WebClient client = WebClient.builder()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_DOC_BYTES))
                .build();
        this.doc = Flux.fromIterable(instances)
                .concatMap(instance -> client.get()
                        .uri(instance.resolve(DOCS_PATH))
                        .accept(MediaType.APPLICATION_JSON)
                        .retrieve()
                        .bodyToMono(String.class)
                        .timeout(TIMEOUT)
                        .onErrorResume(failure -> Mono.empty()))
                .next()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no instance of " + service + " answered")))
                .map(body -> (JsonNode) json.readTree(body))
                .cache(read -> KEEP, failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    String service() {
        return service;
    }

    Mono<ApiDocsMerger.ServiceDoc> read() {
        return doc.map(node -> new ApiDocsMerger.ServiceDoc(service, node));
    }
}
