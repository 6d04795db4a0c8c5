package vn.dossierstats.gateway.access;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dossierstats.gateway.GatewayProperties;

/** The Foundation's credentials come from configuration; later issues provide their own beans instead. */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SourceDirectory sourceDirectory(GatewayProperties properties) {
        return new ConfiguredSources(properties.sources());
    }

    @Bean
    @ConditionalOnMissingBean
    AdminAuthenticator adminAuthenticator(GatewayProperties properties) {
        return new ConfiguredAdminToken(properties.admin().token());
    }

    @Bean
    AccessPolicy accessPolicy(SourceDirectory sources, AdminAuthenticator admins) {
        return new AccessPolicy(sources, admins);
    }
}
