package vn.dossierstats.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Test-only routes: one like the real ones to a service that is down, one without an access rule. For the first, the real routes all point at running stubs, and
 * the tests share one context, so no real service can be taken down for one test.
 */
@TestConfiguration(proxyBeanMethods = false)
class DownRouteConfiguration {

    @Bean
    RouteLocator downRoute(RouteLocatorBuilder routes) {
        return routes.routes()
                .route("test-down", r -> r.path("/api/v1/test-down/**")
                        .metadata("access", "public-read")
                        .uri("http://localhost:" + GatewayITSupport.CLOSED_PORT))
                // a route someone forgot to give an access rule: must stay closed
                .route("test-no-access", r -> r.path("/api/v1/test-no-access/**")
                        .uri(GatewayITSupport.DOSSIER.uri()))
                .build();
    }
}
