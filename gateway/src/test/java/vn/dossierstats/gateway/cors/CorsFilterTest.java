package vn.dossierstats.gateway.cors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.dossierstats.gateway.GatewayProperties;

class CorsFilterTest {

    private final AtomicBoolean passedOn = new AtomicBoolean();
    private final WebFilterChain chain = exchange -> {
        passedOn.set(true);
        return Mono.empty();
    };

    private static CorsFilter filter(List<String> origins) {
        return new CorsFilter(new GatewayProperties(
                null, null, null, null, null, null, null, new GatewayProperties.Cors(origins, null), null));
    }

    private static MockServerWebExchange preflight(String origin) {
        return MockServerWebExchange.from(MockServerHttpRequest.options("http://gateway.example/api/v1/leaderboards")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET"));
    }

    @Test
    void withoutConfiguredOriginsTheGatewayAddsNoCorsHeaders() {
        MockServerWebExchange exchange = preflight("https://anywhere.example");

        filter(List.of()).filter(exchange, chain).block();

        assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin())
                .isNull();
        assertThat(passedOn).isTrue(); // routed like any other request: no route takes OPTIONS preflights → 404
    }

    @Test
    void aListedOriginGetsItsPreflightAnswered() {
        MockServerWebExchange exchange = preflight("https://dash.example.vn");

        filter(List.of("https://dash.example.vn")).filter(exchange, chain).block();

        assertThat(exchange.getResponse().getHeaders().getAccessControlAllowOrigin())
                .isEqualTo("https://dash.example.vn");
        assertThat(passedOn).isFalse();
    }

    @Test
    void anUnlistedOriginIsRefusedWithAProblem() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.method(HttpMethod.GET, "http://gateway.example/api/v1/leaderboards")
                        .header("Origin", "https://evil.example"));

        filter(List.of("https://dash.example.vn")).filter(exchange, chain).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":403");
        assertThat(passedOn).isFalse();
    }
}
