package vn.dossierstats.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The public dashboard's pages and files come from the gateway's jar, open to anyone, in the reader's language. */
class DashboardIT extends GatewayITSupport {

    @Test
    void theCountryPageIsServedAtTheRootInVietnameseByDefault() {
        HttpResponse<String> page = send(request(uri("/"), newRequestId()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(contentType(page)).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"vi\">", "/dashboard/country.js");
        assertThat(page.headers().firstValue("Content-Language")).hasValue("vi");
    }

    @Test
    void theLanguageOfTheUrlIsThePagesLanguage() {
        HttpResponse<String> page = send(request(uri("/units/H26?lang=en&period=2026-07"), newRequestId()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\">", "/dashboard/unit.js");
    }

    @Test
    void theDossiersBehindAFigureHaveTheirPage() {
        HttpResponse<String> page = send(request(uri("/units/H26/dossiers?figure=late"), newRequestId()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"vi\">", "/dashboard/dossiers.js");
    }

    @Test
    void theScriptsAndStylesAreServedFromTheJar() {
        for (String file : new String[] {"country.js", "unit.js", "i18n.js", "format.js", "api.js", "dashboard.css"}) {
            HttpResponse<String> response = send(request(uri("/dashboard/" + file), newRequestId()));

            assertThat(response.statusCode()).as(file).isEqualTo(200);
        }
        assertThat(contentType(send(request(uri("/dashboard/country.js"), newRequestId()))))
                .contains("javascript");
    }

    @Test
    void unknownFilesAndPathsAreStill404Problems() {
        for (String path :
                new String[] {"/dashboard/nope.js", "/units", "/units/H26/more/x", "/dashboard/../application.yml"}) {
            HttpResponse<String> response = send(request(uri(path), newRequestId()));

            assertThat(response.statusCode()).as(path).isIn(400, 404);
        }
    }
}
