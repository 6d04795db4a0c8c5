package vn.dossierstats.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiDocsMergerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ApiDocsMerger merger = new ApiDocsMerger("public", "the API");

    private static ApiDocsMerger.ServiceDoc doc(String service, String json) {
        return new ApiDocsMerger.ServiceDoc(service, JSON.readTree(json.replace('\'', '"')));
    }

    private static final ApiDocsMerger.ServiceDoc DOSSIER = doc("dossier-service", """
            {'openapi':'3.1.0','info':{'title':'dossier-service','version':'v1'},
             'servers':[{'url':'http://10.0.0.5:8081','description':'Generated server url'}],
             'tags':[{'name':'events'}],
             'paths':{
               '/api/v1/dossier-events':{'post':{'operationId':'post','parameters':[
                   {'name':'X-Source-Id','in':'header','required':false,'schema':{'type':'string'}},
                   {'name':'trace','in':'query','schema':{'type':'string'}}],
                 'responses':{'400':{'content':{'application/problem+json':{'schema':{'$ref':'#/components/schemas/ApiProblem'}}}}}}},
               '/internal/replay':{'post':{'responses':{'200':{'description':'OK'}}}}},
             'components':{'schemas':{'ApiProblem':{'type':'object','properties':{'errors':{'type':'array'}}},
                                      'Shared':{'type':'string'}},
                           'securitySchemes':{'sourceKey':{'type':'apiKey','in':'header','name':'X-Api-Key'}}}}
            """);
    private static final ApiDocsMerger.ServiceDoc METRICS = doc("metrics-service", """
            {'openapi':'3.1.0','info':{'title':'metrics-service','version':'v1'},
             'servers':[{'url':'http://10.0.0.6:8082'}],
             'tags':[{'name':'events'},{'name':'stats'}],
             'paths':{
               '/api/v1/stats/units/{unitCode}':{'get':{'operationId':'post','responses':{
                 '200':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Shared'}}}},
                 '404':{'content':{'application/problem+json':{'schema':{'$ref':'#/components/schemas/ApiProblem'}}}}}}},
               '/api/v1/dossier-events':{'get':{'responses':{'200':{'description':'not mine'}}}}},
             'components':{'schemas':{'ApiProblem':{'type':'object'},'Shared':{'type':'string'}}}}
            """);

    @Test
    void onlyPublicPathsOfEveryServiceAreMergedUnderRelativeServers() {
        JsonNode merged = merger.merge(List.of(DOSSIER, METRICS));

        assertThat(merged.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(merged.at("/info/title").asString()).isEqualTo("public");
        assertThat(merged.get("paths").propertyNames())
                .containsExactly("/api/v1/dossier-events", "/api/v1/stats/units/{unitCode}");
        // the first service that declares a path owns it
        assertThat(merged.at("/paths/~1api~1v1~1dossier-events").has("get")).isFalse();
        assertThat(merged.get("servers").toString()).isEqualTo("[{\"url\":\"/\"}]");
        assertThat(merged.toString()).doesNotContain("10.0.0.", "8081", "8082");
        assertThat(merged.at("/components/securitySchemes/sourceKey/name").asString())
                .isEqualTo("X-Api-Key");
        assertThat(merged.get("tags").toString()).isEqualTo("[{\"name\":\"events\"},{\"name\":\"stats\"}]");
    }

    @Test
    void operationIdsStayUniqueAcrossServices() {
        JsonNode merged = merger.merge(List.of(DOSSIER, METRICS));

        assertThat(merged.at("/paths/~1api~1v1~1dossier-events/post/operationId")
                        .asString())
                .isEqualTo("post");
        assertThat(merged.at("/paths/~1api~1v1~1stats~1units~1{unitCode}/get/operationId")
                        .asString())
                .isEqualTo("MetricsService_post");
    }

    @Test
    void theHeaderTheGatewaySetsItselfIsNotAParameterOfThePublicApi() {
        JsonNode parameters = merger.merge(List.of(DOSSIER)).at("/paths/~1api~1v1~1dossier-events/post/parameters");

        assertThat(parameters).hasSize(1);
        assertThat(parameters.get(0).get("name").asString()).isEqualTo("trace");
    }

    @Test
    void aComponentNameTwoServicesUseForDifferentThingsIsPrefixedWithItsServiceAndItsReferencesFollow() {
        JsonNode merged = merger.merge(List.of(DOSSIER, METRICS));

        JsonNode schemas = merged.at("/components/schemas");
        assertThat(schemas.propertyNames())
                .containsExactlyInAnyOrder("ApiProblem", "Shared", "MetricsService_ApiProblem");
        assertThat(schemas.at("/ApiProblem/properties/errors").isMissingNode()).isFalse();
        JsonNode stats = merged.at("/paths/~1api~1v1~1stats~1units~1{unitCode}/get/responses");
        assertThat(stats.at("/404/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/MetricsService_ApiProblem");
        // identical components are shared, not duplicated
        assertThat(stats.at("/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Shared");
        JsonNode dossier = merged.at("/paths/~1api~1v1~1dossier-events/post/responses/400");
        assertThat(dossier.at("/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/ApiProblem");
    }
}
