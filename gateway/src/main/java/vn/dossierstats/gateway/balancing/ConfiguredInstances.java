package vn.dossierstats.gateway.balancing;

import java.net.URI;
import java.util.List;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.ServiceInstanceListSuppliers;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;
import vn.dossierstats.gateway.GatewayProperties;

/**
 * The instances of one service, for its LoadBalancer child context. Deliberately not a {@code @Configuration}: it
 * belongs in the child contexts only (LoadBalancer's rule), never in the gateway's own.
 *
 * <p>With several instances, each is asked for {@code /actuator/health/liveness} every
 * {@code spring.cloud.loadbalancer.health-check.interval} (1 s) and one that does not answer within it is left out until
 * it answers again: a dead instance gets no new requests within about two intervals. The reads skip it at once in any
 * case ({@link ReadRetryGatewayFilterFactory}). Liveness, not readiness: metrics-service is not ready while its
 * partitions move, on every instance at once, and answers 503 with Retry-After itself then.
 *
 * <p>With one instance there is nothing to fail over to, and no health check: a connect failure answers 503 as before,
 * and a health check slower than its interval on a busy machine would turn a slow instance into none.
 */
class ConfiguredInstances {

    @Bean
    ServiceInstanceListSupplier serviceInstances(
            ConfigurableApplicationContext context, Environment environment, GatewayProperties properties) {
        String serviceId = environment.getProperty(LoadBalancerClientFactory.PROPERTY_NAME, "");
        List<URI> uris = properties.services().instancesOf(serviceId);
        ServiceInstance[] instances = new ServiceInstance[uris.size()];
        for (int i = 0; i < instances.length; i++) {
            instances[i] = instance(serviceId, i, uris.get(i));
        }
        ServiceInstanceListSupplier listed = ServiceInstanceListSuppliers.from(serviceId, instances);
        if (instances.length <= 1) {
            return listed;
        }
        return ServiceInstanceListSupplier.builder()
                .withBase(listed)
                .withHealthChecks(WebClient.create())
                .build(context);
    }

    static ServiceInstance instance(String serviceId, int index, URI uri) {
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        return new DefaultServiceInstance(serviceId + "-" + index, serviceId, uri.getHost(), port, secure);
    }
}
