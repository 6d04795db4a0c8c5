package vn.dossierstats.gateway;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param services where the three services listen
 * @param sources the source systems allowed to write events, each with its key (stored as a SHA-256 hash)
 * @param admin the administrator's bearer token
 * @param maxBodySize larger request bodies are refused with 413
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(Services services, List<Source> sources, Admin admin, DataSize maxBodySize) {

    public record Services(URI dossier, URI metrics, URI ranking) {}

    /**
     * @param id the source identity dossier-service records
     * @param keySha256 hex SHA-256 of the key (production)
     * @param key the key in clear (development profile only)
     * @param scopes unit codes the source may write for ({@code *} for all); checked from issue 6 on
     */
    public record Source(String id, String keySha256, String key, List<String> scopes) {}

    public record Admin(String token) {}

    public GatewayProperties {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
