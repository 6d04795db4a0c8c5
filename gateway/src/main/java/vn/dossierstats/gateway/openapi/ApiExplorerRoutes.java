package vn.dossierstats.gateway.openapi;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /api/docs/}: Swagger UI over {@code /api/v1/openapi}, served from the swagger-ui jar (nothing fetched from
 * the internet). Only its own initializer differs from the jar's, which would open a demo API.
 */
@Configuration
class ApiExplorerRoutes {

    static final String PATH = "/api/docs";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String INITIALIZER = """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: "%s",
                dom_id: "#swagger-ui",
                deepLinking: true,
                validatorUrl: null,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                layout: "StandaloneLayout"
              });
            };
            """.formatted(ApiDocsRoutes.PATH);

    @Bean
    RouterFunction<ServerResponse> apiExplorerRoute() {
        String files = WEBJAR + webjarVersion() + "/";
        ClassPathResource index = new ClassPathResource(files + "index.html");
        MediaType javascript = new MediaType("text", "javascript", StandardCharsets.UTF_8);
        return RouterFunctions.route(GET(PATH), request -> ServerResponse.permanentRedirect(URI.create(PATH + "/"))
                        .build())
                .andRoute(GET(PATH + "/"), request -> ServerResponse.ok()
                        .contentType(MediaType.TEXT_HTML)
                        .bodyValue(index))
                .andRoute(
                        GET(PATH + "/swagger-initializer.js"),
                        request -> ServerResponse.ok().contentType(javascript).bodyValue(INITIALIZER))
                .and(RouterFunctions.resources(PATH + "/**", new ClassPathResource(files)));
    }

    private static String webjarVersion() {
        try (InputStream in =
                new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties").getInputStream()) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("the swagger-ui jar is missing from the class path", e);
        }
    }
}
