package vn.dossierstats.gateway.dashboard;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The public dashboard (issue 21): {@code /} the country, {@code /units/{code}} one unit, {@code
 * /units/{code}/dossiers} the dossiers behind one of its figures or falling due soon, their scripts and styles under
 * {@code /dashboard/}. Static pages from the jar that read the public API in the browser: no figure is computed
 * here or there, the pages only format what the API answers. Like {@code /api/docs}, they are the gateway's own
 * handlers, not routes to a service, so the access rules of routes do not concern them: they are public reads.
 */
@Configuration
class DashboardRoutes {

    static final String FILES = "dashboard/";

    @Bean
    RouterFunction<ServerResponse> dashboardPages() {
        DashboardPage country = DashboardPage.load(FILES + "country.html");
        DashboardPage unit = DashboardPage.load(FILES + "unit.html");
        DashboardPage dossiers = DashboardPage.load(FILES + "dossiers.html");
        return RouterFunctions.route(GET("/"), request -> page(country, request))
                .andRoute(GET("/units/{code}"), request -> page(unit, request))
                .andRoute(GET("/units/{code}/dossiers"), request -> page(dossiers, request))
                .and(RouterFunctions.resources("/dashboard/**", new ClassPathResource(FILES)));
    }

    private static Mono<ServerResponse> page(DashboardPage page, ServerRequest request) {
        Language language = Language.of(request.queryParam("lang").orElse(null));
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .header("Content-Language", language.tag())
                .bodyValue(page.in(language));
    }

    /** A page's HTML with {@code {{lang}}} set to the reader's language, so that {@code <html lang>} is right first. */
    record DashboardPage(String html) {

        static DashboardPage load(String path) {
            try (InputStream in = new ClassPathResource(path).getInputStream()) {
                return new DashboardPage(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("the dashboard page " + path + " is missing from the jar", e);
            }
        }

        String in(Language language) {
            return html.replace("{{lang}}", language.tag());
        }
    }

    /** Vietnamese by default; English when the URL says {@code ?lang=en}. */
    enum Language {
        VI,
        EN;

        static Language of(String parameter) {
            return "en".equalsIgnoreCase(parameter) ? EN : VI;
        }

        String tag() {
            return this == EN ? "en" : "vi";
        }
    }
}
