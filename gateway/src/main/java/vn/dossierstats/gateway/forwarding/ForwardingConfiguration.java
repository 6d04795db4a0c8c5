package vn.dossierstats.gateway.forwarding;

import io.micrometer.tracing.propagation.Propagator;
import io.netty.channel.ChannelOption;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dossierstats.gateway.GatewayProperties;

/** How requests reach the services, and what the services receive besides the caller's request. */
@Configuration(proxyBeanMethods = false)
class ForwardingConfiguration {

    @Bean
    ForwardedHeaders forwardedHeaders(ObjectProvider<Propagator> propagator) {
        Propagator available = propagator.getIfAvailable();
        return new ForwardedHeaders(
                available == null ? ServerSpanPropagation.NONE : new ServerSpanPropagation(available));
    }

    /** The connect timeout, on the one HTTP client all routes share (see GatewayProperties.ServiceConnections). */
    @Bean
    HttpClientCustomizer serviceConnectTimeout(GatewayProperties properties) {
        int millis =
                Math.toIntExact(properties.serviceConnections().connectTimeout().toMillis());
        return client -> client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, millis);
    }
}
