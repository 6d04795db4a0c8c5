package vn.dossierstats.ranking.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's OpenAPI description at {@code /v3/api-docs}; the gateway merges it into the public document. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI rankingServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("ranking-service")
                        .version("v1")
                        .description("Leaderboards of units per level, parent, period and indicator, and their live"
                                + " stream (Server-Sent Events). Public reads."));
    }
}
