package vn.dossierstats.ranking.csv;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Documents the CSV representation of the statistics reads in the OpenAPI description the gateway merges. */
@Configuration
class CsvApiDocumentation {

    private static final List<String> PATHS = List.of("/api/v1/leaderboards");

    @Bean
    OpenApiCustomizer csvRepresentation() {
        return api -> PATHS.forEach(path -> {
            if (api.getPaths() != null && api.getPaths().get(path) != null) {
                document(api.getPaths().get(path).getGet());
            }
        });
    }

    static void document(Operation get) {
        if (get == null) {
            return;
        }
        get.addParametersItem(new Parameter()
                .in("query")
                .name("format")
                .required(false)
                .description("csv or json (default: by Accept, else json); wins over Accept")
                .schema(new StringSchema()._enum(List.of("csv", "json"))));
        ApiResponse ok = get.getResponses() == null ? null : get.getResponses().get("200");
        if (ok == null) {
            return;
        }
        if (ok.getContent() == null) {
            ok.setContent(new Content());
        }
        ok.getContent()
                .addMediaType(
                        "text/csv",
                        new MediaType()
                                .schema(new StringSchema()
                                        .description("UTF-8 with a byte-order mark, RFC 4180, CRLF, one header row,"
                                                + " one row per ranked entry, then one per unranked unit (empty rank, its reason). Columns: "
                                                + String.join(",", LeaderboardTable.COLUMNS)
                                                + ". Numbers as in the JSON (dot decimals, rates in [0,1]);"
                                                + " null is an empty field.")));
    }
}
