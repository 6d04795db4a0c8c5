package vn.dossierstats.gateway.access;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.gateway.GatewayProperties;

/**
 * Source keys: the sources managed in dossier-service (their key hashes polled from it) and the bootstrap ones from
 * configuration. Administrators: HS256 JWTs signed with the configured key.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ManagedSources managedSources(GatewayProperties properties, Clock clock) {
        return new ManagedSources(clock, properties.sourceKeys().maxStaleness());
    }

    @Bean
    SourceKeyFeed sourceKeyFeed(ManagedSources managed, GatewayProperties properties, JsonMapper json) {
        return new SourceKeyFeed(
                managed,
                properties.services().dossier(),
                properties.sourceKeys().pollInterval(),
                json);
    }

    /** Typed as the composite: {@link ManagedSources} is a {@link SourceDirectory} bean too. */
    @Bean
    SourceDirectories sourceDirectory(GatewayProperties properties, ManagedSources managed) {
        return new SourceDirectories(managed, new ConfiguredSources(properties.sources()));
    }

    @Bean
    @ConditionalOnMissingBean
    AdminAuthenticator adminAuthenticator(GatewayProperties properties, Clock clock, JsonMapper json) {
        return new AdminJwt(properties.admin().jwtSecret(), properties.admin().role(), clock, json);
    }

    @Bean
    DvcqgAccess dvcqgAccess(
            SourceDirectories sources,
            DvcqgProperties properties,
            Clock clock,
            vn.dossierstats.gateway.limits.SourceRateLimits rateLimits,
            JsonMapper json) {
        return new DvcqgAccess(
                sources,
                new DvcqgSessions(properties.sessionSecret(), properties.sessionTtl(), clock),
                rateLimits,
                json);
    }

    @Bean
    AccessPolicy accessPolicy(SourceDirectories sources, AdminAuthenticator admins) {
        return new AccessPolicy(sources, admins);
    }
}
