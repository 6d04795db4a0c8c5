package vn.dossierstats.gateway;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Everything the gateway is told from outside (the routes themselves live under
 * {@code spring.cloud.gateway.server.webflux.routes}).
 *
 * @param services where the three services listen ({@code gateway.services.dossier|metrics|ranking})
 * @param sources the source systems allowed to write events, each with its key (kept only as a SHA-256 hash)
 * @param admin the administrator's bearer token
 * @param maxBodySize larger request bodies are refused with 413
 * @param cors which browser origins (dashboards) may call the API
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(Services services, List<Source> sources, Admin admin, DataSize maxBodySize, Cors cors) {

    public record Services(URI dossier, URI metrics, URI ranking) {}

    /**
     * @param id the source identity dossier-service records
     * @param keyHash hex SHA-256 of the key (production)
     * @param key the key in clear (development profile only)
     * @param scopes unit codes the source may write for ({@code *} for all); checked from issue 6 on
     */
    public record Source(String id, String keyHash, String key, List<String> scopes) {

        public Source {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }

    /** @param token the bearer token administrators send; blank admits nobody */
    public record Admin(String token) {}

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

    public GatewayProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
        admin = admin == null ? new Admin(null) : admin;
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        cors = cors == null ? new Cors(null, null) : cors;
    }
}
