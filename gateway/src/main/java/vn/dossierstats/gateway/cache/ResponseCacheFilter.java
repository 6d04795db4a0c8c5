package vn.dossierstats.gateway.cache;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientResponse;
import vn.dossierstats.gateway.access.Access;
import vn.dossierstats.gateway.cache.CacheCounters.Result;

/**
 * A micro-cache for the hot public reads (issue 17): leaderboards and statistics, on the routes that declare
 * {@code metadata.response-cache: true}. Within {@code gateway.response-cache.ttl} (100 ms) of the service's answer a
 * read is answered from memory; after it, one request asks the service again with {@code If-None-Match} (a 304 makes the
 * stored answer fresh again, a 200 replaces it) while the other requests for the same answer wait for that exchange
 * instead of each asking (collapsing), at most as long as the route's response timeout. A caller's own
 * {@code If-None-Match} naming the stored answer is a 304 from the gateway.
 *
 * <p>Why not Spring Cloud Gateway's {@code LocalResponseCache} (read in 5.0.3, {@code filter/factory/cache}): it expires
 * an entry after its TTL and then asks the service for the whole answer again, never with {@code If-None-Match}, so the
 * ETags the services now prepare would save nothing; every concurrent request after an expiry goes to the service (no
 * collapsing), which is when a leaderboard read every 200 ms by many dashboards costs most; it answers a caller's
 * {@code If-None-Match} with the full body (a 304 only for {@code Cache-Control: no-cache}); it keeps 206 and 301 too,
 * with no limit per answer, under a key of the URI as written (another parameter order is another entry), hashed with
 * MD5 on every request; and it rewrites {@code max-age} in whole seconds from its TTL, which cannot express 100 ms. It
 * would also need {@code spring-boot-starter-cache} and a {@code CacheManager} bean. What it does right is kept here: the
 * place in the chain (just before {@link NettyWriteResponseFilter}, to see the service's answer before it is written)
 * and Caffeine as the bounded store.
 *
 * <p>Only what is safe to share: GETs on routes whose access rule is {@code public-read} (a route of another rule is
 * never cached, whatever its metadata says), without credentials, cookies or conditions other than
 * {@code If-None-Match} ({@link Cacheability#answerable}); only 200s with a strong {@code ETag} and a length within
 * {@code max-entry-size} are kept ({@link Cacheability#storable}), never an error. A hit carries the headers of the
 * service's answer ({@code Content-Type}, {@code ETag}, {@code Cache-Control}, {@code Vary} ...) and those the gateway
 * gives every request ({@code X-Request-Id}, CORS) for the request at hand, plus {@code X-Cache} ({@code HIT},
 * {@code MISS}, {@code REVALIDATED}) and, from memory, {@code Age}.
 *
 * <p>A hit is answered here, before the filters that follow in the chain: it is counted by
 * {@code http_server_requests_seconds} and {@code gateway_response_cache_requests_total} ({@link CacheCounters}), not by
 * {@code spring_cloud_gateway_requests_seconds}, which counts the requests that reach a service.
 */
class ResponseCacheFilter implements GlobalFilter, Ordered {

    /** The route metadata that opts a route in. */
    static final String METADATA = "response-cache";

    static final String X_CACHE = "X-Cache";

    private final ResponseStore store;
    private final CacheCounters counters;
    private final Duration defaultTimeout;

    ResponseCacheFilter(ResponseStore store, CacheCounters counters, Duration defaultTimeout) {
        this.store = store;
        this.counters = counters;
        this.defaultTimeout = defaultTimeout;
    }

    /** Just before the filter that writes the service's answer, as Spring Cloud Gateway's own response cache. */
    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null || request.getMethod() != HttpMethod.GET || !cached(route)) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = request.getHeaders();
        if (!Cacheability.answerable(headers)) {
            counters.count(route.getId(), Result.BYPASS);
            return chain.filter(exchange);
        }
        CacheKey key = CacheKey.of(
                request.getPath().value(), request.getURI().getRawQuery(), headers.getFirst(HttpHeaders.ACCEPT));
        String ifNoneMatch = headers.getFirst(HttpHeaders.IF_NONE_MATCH);
        long now = store.now();
        StoredResponse fresh = store.fresh(key, now);
        if (fresh != null) {
            counters.count(route.getId(), Result.HIT);
            return answer(exchange.getResponse(), fresh, ifNoneMatch, Result.HIT, now);
        }
        return switch (store.turn(key)) {
            case ResponseStore.Turn.Fresh(StoredResponse response) -> {
                counters.count(route.getId(), Result.HIT);
                yield answer(exchange.getResponse(), response, ifNoneMatch, Result.HIT, store.now());
            }
            case ResponseStore.Turn.Follow(CompletableFuture<Optional<StoredResponse>> outcome) -> {
                counters.count(route.getId(), Result.COLLAPSED);
                yield follow(exchange, chain, route, outcome, ifNoneMatch);
            }
            case ResponseStore.Turn.Lead lead -> lead(exchange, chain, route, key, lead, ifNoneMatch);
        };
    }

    /** Opted in by its metadata, and public: the access rule is checked here too, so that no metadata opens a door. */
    static boolean cached(Route route) {
        Object optedIn = route.getMetadata().get(METADATA);
        if (!(Boolean.TRUE.equals(optedIn) || "true".equals(optedIn))) {
            return false;
        }
        return Access.of(route.getMetadata().get(Access.METADATA)).orElse(null) == Access.PUBLIC_READ;
    }

    private Mono<Void> lead(
            ServerWebExchange exchange,
            GatewayFilterChain chain,
            Route route,
            CacheKey key,
            ResponseStore.Turn.Lead lead,
            String ifNoneMatch) {
        // the service is asked with the stored answer's tag, not the caller's (RevalidationHeaders)
        exchange.getAttributes()
                .put(
                        RevalidationHeaders.ATTRIBUTE,
                        lead.stale() == null ? "" : lead.stale().etag());
        StoringResponse response = new StoringResponse(exchange, route.getId(), key, lead, ifNoneMatch);
        return chain.filter(exchange.mutate().response(response).build())
                .doOnError(error -> store.fail(key, lead.outcome(), error))
                .doFinally(signal -> store.finish(key, lead.outcome(), Optional.empty()));
    }

    /**
     * Waits for the leader's outcome, no longer than the route's response timeout (the leader's own wait for the
     * service is bounded by it too): its stored answer, its error, or, when its answer could not be shared (an error
     * status, no tag), the caller's own exchange with the service.
     */
    private Mono<Void> follow(
            ServerWebExchange exchange,
            GatewayFilterChain chain,
            Route route,
            CompletableFuture<Optional<StoredResponse>> outcome,
            String ifNoneMatch) {
        // suppressCancel: a follower that goes away must not cancel the outcome the others wait for
        Mono<Optional<StoredResponse>> awaited = Mono.fromFuture(outcome, true);
        Duration timeout = timeout(route);
        if (timeout != null) {
            awaited = awaited.timeout(timeout);
        }
        return awaited.flatMap(shared -> shared.isPresent()
                ? answer(exchange.getResponse(), shared.get(), ifNoneMatch, Result.HIT, store.now())
                : chain.filter(exchange));
    }

    /** The route's response timeout, as Spring Cloud Gateway's routing filter reads it; {@code null}: none. */
    private Duration timeout(Route route) {
        Object routeTimeout = route.getMetadata().get(RESPONSE_TIMEOUT_ATTR);
        if (routeTimeout != null) {
            try {
                long millis = routeTimeout instanceof Number number
                        ? number.longValue()
                        : Long.parseLong(routeTimeout.toString());
                return millis < 0 ? null : Duration.ofMillis(millis);
            } catch (NumberFormatException ignored) {
                // as the routing filter: the global default applies
            }
        }
        return defaultTimeout;
    }

    /**
     * Writes a stored answer: 304 without a body if the caller's {@code If-None-Match} names it, else the 200 with the
     * body. The service's headers replace any the response has (on a miss or revalidation, the ones of the answer just
     * received); {@code Vary} is merged with the gateway's own (CORS).
     */
    private static Mono<Void> answer(
            ServerHttpResponse response, StoredResponse stored, String ifNoneMatch, Result result, long now) {
        HttpHeaders headers = response.getHeaders();
        stored.headers().forEach((name, values) -> {
            if (name.equalsIgnoreCase(HttpHeaders.VARY)) {
                mergeVary(headers, values);
            } else {
                headers.put(name, values);
            }
        });
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.set(X_CACHE, result == Result.REVALIDATED ? "REVALIDATED" : result == Result.MISS ? "MISS" : "HIT");
        if (result == Result.HIT) {
            headers.set(HttpHeaders.AGE, Long.toString(stored.ageSeconds(now)));
        }
        if (EntityTags.matches(ifNoneMatch, stored.etag())) {
            // RFC 9110 section 15.4.5: the validator and caching fields, no representation metadata
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            headers.remove(HttpHeaders.CONTENT_TYPE);
            headers.remove(HttpHeaders.CONTENT_LENGTH);
            headers.remove(HttpHeaders.CONTENT_LANGUAGE);
            headers.remove(HttpHeaders.CONTENT_ENCODING);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        headers.setContentLength(stored.body().length);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(stored.body())));
    }

    private static void mergeVary(HttpHeaders headers, List<String> values) {
        List<String> present = headers.getOrEmpty(HttpHeaders.VARY);
        for (String value : values) {
            boolean known = present.stream().anyMatch(existing -> existing.equalsIgnoreCase(value));
            if (!known) {
                headers.add(HttpHeaders.VARY, value);
            }
        }
    }

    private static HttpHeaders headersOf(HttpClientResponse upstream) {
        HttpHeaders headers = new HttpHeaders();
        upstream.responseHeaders().forEach(header -> headers.add(header.getKey(), header.getValue()));
        return headers;
    }

    /**
     * The leader's response: sees the service's answer when the routing filters write it, keeps it if it may, tells the
     * followers, and answers the caller (from the stored answer after a 304, which the caller did not ask for).
     */
    private final class StoringResponse extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final String route;
        private final CacheKey key;
        private final ResponseStore.Turn.Lead lead;
        private final String ifNoneMatch;

        StoringResponse(
                ServerWebExchange exchange,
                String route,
                CacheKey key,
                ResponseStore.Turn.Lead lead,
                String ifNoneMatch) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.route = route;
            this.key = key;
            this.lead = lead;
            this.ifNoneMatch = ifNoneMatch;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpClientResponse upstream = exchange.getAttribute(CLIENT_RESPONSE_ATTR);
            HttpStatusCode status = getStatusCode();
            if (upstream == null || status == null) {
                return passThrough(body); // not the service's answer (the gateway's own)
            }
            HttpHeaders headers = headersOf(upstream);
            long now = store.now();
            StoredResponse stale = lead.stale();
            if (status.value() == HttpStatus.NOT_MODIFIED.value() && stale != null) {
                StoredResponse refreshed = stale.revalidated(headers, now);
                store.store(key, refreshed);
                store.finish(key, lead.outcome(), Optional.of(refreshed));
                counters.count(route, Result.REVALIDATED);
                return Flux.from(body)
                        .doOnNext(DataBufferUtils::release)
                        .then(answer(getDelegate(), refreshed, ifNoneMatch, Result.REVALIDATED, now));
            }
            if (!Cacheability.storable(status, headers, store.maxEntryBytes())) {
                return passThrough(body);
            }
            long length = headers.getContentLength();
            return DataBufferUtils.join(body)
                    .map(joined -> {
                        byte[] bytes = new byte[joined.readableByteCount()];
                        joined.read(bytes);
                        DataBufferUtils.release(joined);
                        return bytes;
                    })
                    .defaultIfEmpty(new byte[0])
                    .flatMap(bytes -> {
                        if (bytes.length != length) {
                            return passThrough(Mono.just(bufferFactory().wrap(bytes)));
                        }
                        StoredResponse fetched = StoredResponse.of(bytes, headers, now);
                        store.store(key, fetched);
                        store.finish(key, lead.outcome(), Optional.of(fetched));
                        counters.count(route, Result.MISS);
                        return answer(getDelegate(), fetched, ifNoneMatch, Result.MISS, now);
                    });
        }

        /** A streamed answer (not expected on a cached route) is passed on as it comes. */
        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            store.finish(key, lead.outcome(), Optional.empty());
            counters.count(route, Result.MISS);
            return super.writeAndFlushWith(body);
        }

        private Mono<Void> passThrough(Publisher<? extends DataBuffer> body) {
            store.finish(key, lead.outcome(), Optional.empty());
            counters.count(route, Result.MISS);
            getHeaders().set(X_CACHE, "MISS");
            return super.writeWith(body);
        }
    }
}
