package vn.dossierstats.dossier.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.lifecycle.EventType;

/**
 * The service's OpenAPI description at {@code /v3/api-docs} (the gateway merges it into the public document). The
 * event endpoints read their body as raw JSON to name every invalid field themselves, so the shape of an event is
 * declared here rather than inferred; writes carry the credential the gateway asks for (api.md "Authentication").
 */
@Configuration
class ApiDocumentation {

    static final String SOURCE_KEY = "sourceKey";
    static final String ADMIN_TOKEN = "adminToken";
    static final String BASIC = "httpBasic";
    private static final String EVENTS = "/api/v1/dossier-events";
    private static final String DVCQG = "/api/v1/dvcqg";
    private static final String SCHEMAS = "#/components/schemas/";

    @Bean
    OpenAPI dossierServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("dossier-service")
                        .version("v1")
                        .description("Dossier events, dossiers, the unit and procedure catalogue and the working"
                                + " calendar."))
                .components(new Components()
                        .addSecuritySchemes(
                                SOURCE_KEY,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key")
                                        .description("The key of a source system, scoped to unit codes."))
                        .addSecuritySchemes(
                                ADMIN_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("The administrator's token."))
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("DVCQG clients: user the source id, password the source key.")));
    }

    @Bean
    OpenApiCustomizer dossierEventsAndCredentials() {
        return api -> {
            api.getComponents().addSchemas("DossierEvent", eventSchema());
            api.getComponents()
                    .addSchemas(
                            "DossierEventBatch",
                            new ObjectSchema()
                                    .addProperty(
                                            "events",
                                            new ArraySchema()
                                                    .items(ref("DossierEvent"))
                                                    .minItems(1)
                                                    .maxItems(1000))
                                    .required(List.of("events")));
            DvcqgDocumentation.schemas(api.getComponents());
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths().forEach((path, item) -> describe(path, item));
            DvcqgDocumentation.login(api.getPaths());
        };
    }

    private static void describe(String path, PathItem item) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                item.readOperationsMap().entrySet()) {
            PathItem.HttpMethod method = entry.getKey();
            Operation operation = entry.getValue();
            if (method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD) {
                continue;
            }
            if (path.startsWith(DVCQG)) {
                DvcqgDocumentation.describe(path, operation);
            } else if (path.equals(EVENTS) || path.equals(EVENTS + "/batch")) {
                operation.setSecurity(List.of(new SecurityRequirement().addList(SOURCE_KEY)));
                operation.setRequestBody(new RequestBody()
                        .required(true)
                        .content(new Content()
                                .addMediaType(
                                        "application/json",
                                        new MediaType()
                                                .schema(ref(
                                                        path.equals(EVENTS) ? "DossierEvent" : "DossierEventBatch")))));
            } else {
                operation.setSecurity(List.of(new SecurityRequirement().addList(ADMIN_TOKEN)));
            }
        }
    }

    private static Schema<?> eventSchema() {
        return new ObjectSchema()
                .description("One event of a dossier's life. RECEIVED and REFUSED also require unitCode,"
                        + " procedureCode and channel; DEADLINE_EXTENDED requires newDueAt; PAID requires"
                        + " paymentChannel; RATED requires rating. Events may arrive in any order: one that its"
                        + " dossier's history does not allow yet is accepted and waits until the earlier-dated events"
                        + " arrive (GET /api/v1/dossiers/{dossierId} shows each event APPLIED, WAITING or INVALID"
                        + " with the reason); only one that can never apply where it stands is refused with 422.")
                .addProperty(
                        "eventId",
                        new StringSchema()
                                .minLength(1)
                                .maxLength(100)
                                .description("Unique within the source system: the idempotency key."))
                .addProperty("type", enumOf(EventType.values()))
                .addProperty("dossierId", new StringSchema().minLength(1).maxLength(64))
                .addProperty(
                        "occurredAt",
                        new DateTimeSchema().description("At most a few minutes ahead of the server clock."))
                .addProperty("unitCode", new StringSchema().maxLength(64))
                .addProperty("procedureCode", new StringSchema().maxLength(64))
                .addProperty("channel", enumOf(DossierEvent.Channel.values()))
                .addProperty("dueAt", new DateTimeSchema())
                .addProperty("digitized", new BooleanSchema())
                .addProperty("feeRequired", new BooleanSchema())
                .addProperty("newDueAt", new DateTimeSchema())
                .addProperty("paymentChannel", enumOf(DossierEvent.PaymentChannel.values()))
                .addProperty("result", enumOf(DossierEvent.Result.values()))
                .addProperty("rating", enumOf(DossierEvent.Rating.values()))
                .required(List.of("eventId", "type", "dossierId", "occurredAt"));
    }

    private static Schema<String> enumOf(Enum<?>[] values) {
        StringSchema schema = new StringSchema();
        schema.setEnum(Arrays.stream(values).map(Enum::name).toList());
        return schema;
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref(SCHEMAS + name);
    }
}
