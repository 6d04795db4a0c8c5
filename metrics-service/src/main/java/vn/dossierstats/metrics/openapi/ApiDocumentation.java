package vn.dossierstats.metrics.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's OpenAPI description at {@code /v3/api-docs}; the gateway merges it into the public document. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI metricsServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("metrics-service")
                        .version("v1")
                        .description("Period reports of a unit and its descendants: one period, its children, a"
                                + " series. Periods are YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD in local time."
                                + " Public reads."));
    }
}
