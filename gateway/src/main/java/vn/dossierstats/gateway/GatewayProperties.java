package vn.dossierstats.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Everything the gateway is told from outside (the routes themselves live under
 * {@code spring.cloud.gateway.server.webflux.routes}).
 *
 * @param services where the instances of the three services listen ({@code gateway.services.dossier|metrics|ranking},
 *     each one URI or a comma-separated list)
 * @param serviceConnections how the gateway connects to them
 * @param sources bootstrap source systems from configuration, each with its key (kept only as a SHA-256 hash); the
 *     others are managed through {@code /api/v1/sources} and their key hashes polled from dossier-service
 * @param sourceKeys how the managed sources' key hashes are polled
 * @param admin how administrators' bearer tokens (JWT) are verified
 * @param rateLimit writes per source key
 * @param maxBodySize larger request bodies are refused with 413
 * @param cors which browser origins (dashboards) may call the API
 * @param responseCache the micro-cache of public reads ({@code cache/ResponseCacheFilter})
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        Services services,
        ServiceConnections serviceConnections,
        List<Source> sources,
        SourceKeys sourceKeys,
        Admin admin,
        RateLimit rateLimit,
        DataSize maxBodySize,
        Cors cors,
        ResponseCache responseCache) {

    /**
     * Every instance of each service. One URI is the usual case (a single instance locally, or a Kubernetes Service
     * that spreads the connections itself); several are spread by Spring Cloud LoadBalancer ({@code lb://} routes,
     * {@code balancing/ConfiguredInstances}).
     */
    public record Services(List<URI> dossier, List<URI> metrics, List<URI> ranking) {

        /** The load-balancer service ids of the {@code lb://} routes. */
        public static final String DOSSIER = "dossier-service";

        public static final String METRICS = "metrics-service";
        public static final String RANKING = "ranking-service";

        public Services {
            dossier = dossier == null ? List.of() : List.copyOf(dossier);
            metrics = metrics == null ? List.of() : List.copyOf(metrics);
            ranking = ranking == null ? List.of() : List.copyOf(ranking);
        }

        /** The instances of the service with this load-balancer id; none for an unknown id. */
        public List<URI> instancesOf(String serviceId) {
            return switch (serviceId) {
                case DOSSIER -> dossier;
                case METRICS -> metrics;
                case RANKING -> ranking;
                default -> List.of();
            };
        }
    }

    /**
     * @param connectTimeout how long a new connection to a service may take before the caller gets 503; set on the
     *     HTTP client once, not through Spring Cloud Gateway's per-request connect timeout, which copies the client's
     *     configuration for every request
     * @param readRetries how many more instances a GET of a read route may be sent to after a connect failure, a
     *     connection closed before the answer, or a 503 (filter {@code ReadRetry}); writes are never sent twice
     */
    public record ServiceConnections(Duration connectTimeout, Integer readRetries) {

        public ServiceConnections {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            readRetries = readRetries == null || readRetries < 0 ? 2 : readRetries;
        }
    }

    /**
     * @param id the source identity dossier-service records
     * @param keyHash hex SHA-256 of the key (production)
     * @param key the key in clear (development profile only)
     * @param scopes must be {@code *} (or left out): a configured source is a bootstrap key for all units, because
     *     dossier-service, which checks scopes, knows only the managed sources' scopes and treats any other source id
     *     as {@code *}. Sources for some units are created through {@code POST /api/v1/sources}.
     */
    public record Source(String id, String keyHash, String key, List<String> scopes) {

        public Source {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }

    /**
     * @param pollInterval how often dossier-service is asked for changed key hashes (a revocation applies within it)
     * @param maxStaleness without a successful poll for this long, managed keys are refused (fail closed) until the
     *     next one succeeds
     */
    public record SourceKeys(Duration pollInterval, Duration maxStaleness) {

        public SourceKeys {
            pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
            maxStaleness = maxStaleness == null ? Duration.ofSeconds(5) : maxStaleness;
        }
    }

    /**
     * @param jwtSecret the HS256 key administrators' JWTs are signed with, at least 32 bytes (UTF-8); blank admits
     *     nobody
     * @param role the value the token's {@code roles} claim must contain
     */
    public record Admin(String jwtSecret, String role) {

        public Admin {
            role = role == null || role.isBlank() ? "admin" : role;
        }
    }

    /**
     * A token bucket per source key.
     *
     * @param requestsPerSecond the sustained rate
     * @param burst how many requests may come at once
     */
    public record RateLimit(double requestsPerSecond, int burst) {

        public RateLimit {
            requestsPerSecond = requestsPerSecond <= 0 ? 200 : requestsPerSecond;
            burst = burst <= 0 ? 400 : burst;
        }
    }

    /**
     * @param allowedOrigins origins allowed to call the API from a browser; empty (the default) means none
     * @param allowedMethods methods those origins may use
     */
    public record Cors(List<String> allowedOrigins, List<String> allowedMethods) {

        public Cors {
            allowedOrigins = allowedOrigins == null
                    ? List.of()
                    : allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
            allowedMethods = allowedMethods == null || allowedMethods.isEmpty()
                    ? List.of("GET", "HEAD", "POST", "PUT")
                    : List.copyOf(allowedMethods);
        }
    }

    /**
     * The gateway's micro-cache of the public reads of routes marked {@code metadata.response-cache: true}.
     *
     * @param enabled {@code false} proxies every read, as before the cache existed
     * @param ttl how long a stored answer is served without asking the service: far below the publication interval of
     *     the statistics (200 ms), so that it adds at most this much to their freshness (target p99 500 ms); after it,
     *     one request revalidates with {@code If-None-Match}
     * @param maxEntries at most this many answers are kept
     * @param maxSize at most this many bytes of answers (bodies and headers) are kept
     * @param maxEntrySize a larger answer is passed through, not stored
     */
    public record ResponseCache(
            Boolean enabled, Duration ttl, Integer maxEntries, DataSize maxSize, DataSize maxEntrySize) {

        public ResponseCache {
            enabled = enabled == null || enabled;
            ttl = ttl == null || ttl.isNegative() ? Duration.ofMillis(100) : ttl;
            maxEntries = maxEntries == null || maxEntries <= 0 ? 10_000 : maxEntries;
            maxSize = maxSize == null ? DataSize.ofMegabytes(64) : maxSize;
            maxEntrySize = maxEntrySize == null ? DataSize.ofMegabytes(1) : maxEntrySize;
        }
    }

    public GatewayProperties {
        services = services == null ? new Services(null, null, null) : services;
        serviceConnections = serviceConnections == null ? new ServiceConnections(null, null) : serviceConnections;
        sources = sources == null ? List.of() : List.copyOf(sources);
        sourceKeys = sourceKeys == null ? new SourceKeys(null, null) : sourceKeys;
        admin = admin == null ? new Admin(null, null) : admin;
        rateLimit = rateLimit == null ? new RateLimit(0, 0) : rateLimit;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        cors = cors == null ? new Cors(null, null) : cors;
        responseCache = responseCache == null ? new ResponseCache(null, null, null, null, null) : responseCache;
    }
}
