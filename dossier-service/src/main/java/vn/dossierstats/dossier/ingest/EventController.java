package vn.dossierstats.dossier.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.DossierProperties;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.observability.DossierMeters;
import vn.dossierstats.dossier.web.ApiProblem;
import vn.dossierstats.dossier.web.JsonFields;

/** Ingestion of dossier events, one at a time or in batches (api.md). */
@RestController
@RequestMapping("/api/v1/dossier-events")
class EventController {

    static final String SOURCE_HEADER = "X-Source-Id";
    private static final int MAX_BATCH = 1000;

    private final Ingestion ingestion;
    private final BatchIngestion batches;
    private final EventParser parser;
    private final JsonMapper json;
    private final DossierMeters meters;

    EventController(
            Ingestion ingestion,
            BatchIngestion batches,
            DossierProperties properties,
            Clock clock,
            JsonMapper json,
            DossierMeters meters) {
        this.ingestion = ingestion;
        this.batches = batches;
        this.parser = new EventParser(clock, properties.maxClockSkew(), properties.earliestEvent());
        this.json = json;
        this.meters = meters;
    }

    @PostMapping
    ResponseEntity<IngestResult> post(
            @RequestHeader(name = SOURCE_HEADER, required = false) String source,
            @RequestBody(required = false) String body) {
        String sourceId = requireSource(source);
        JsonNode node = JsonFields.parse(json, body).node();
        IngestResult result = meters.countingRejections(sourceId, node, () -> {
            DossierEvent event = parser.parse(sourceId, node);
            try {
                return ingestion.ingest(event);
            } catch (EventRefused refused) {
                throw Refusals.problem(refused);
            }
        });
        return ResponseEntity.status(
                        result.status() == IngestResult.Status.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(result);
    }

    @PostMapping("/batch")
    Map<String, Object> batch(
            @RequestHeader(name = SOURCE_HEADER, required = false) String source,
            @RequestBody(required = false) String body) {
        String sourceId = requireSource(source);
        JsonNode events = JsonFields.parse(json, body).node().get("events");
        if (events == null || !events.isArray()) {
            throw ApiProblem.invalid("events", "is required: an array of 1 to " + MAX_BATCH + " events");
        }
        if (events.isEmpty() || events.size() > MAX_BATCH) {
            throw ApiProblem.invalid("events", "must hold 1 to " + MAX_BATCH + " events, not " + events.size());
        }
        // parse every event first: the well-formed ones are then applied together, one transaction for the batch
        List<Map<String, Object>> results = new ArrayList<>(events.size());
        List<DossierEvent> parsed = new ArrayList<>(events.size());
        List<Integer> parsedIndex = new ArrayList<>(events.size());
        for (int index = 0; index < events.size(); index++) {
            JsonNode node = events.get(index);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("index", index);
            result.put(
                    "eventId",
                    node.isObject() && node.path("eventId").isString()
                            ? node.get("eventId").asString()
                            : null);
            results.add(result);
            try {
                parsed.add(parser.parse(sourceId, node));
                parsedIndex.add(index);
            } catch (ApiProblem problem) {
                reject(result, sourceId, node, problem);
            }
        }
        int accepted = 0;
        int duplicates = 0;
        List<BatchIngestion.Applied> outcomes = parsed.isEmpty() ? List.of() : batches.ingestAll(parsed);
        for (int k = 0; k < outcomes.size(); k++) {
            int index = parsedIndex.get(k);
            BatchIngestion.Applied outcome = outcomes.get(k);
            if (outcome.rejection() != null) {
                reject(results.get(index), sourceId, events.get(index), Refusals.problem(outcome.rejection()));
            } else {
                results.get(index).put("status", outcome.result().status());
                if (outcome.result().status() == IngestResult.Status.ACCEPTED) {
                    accepted++;
                } else {
                    duplicates++;
                }
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", accepted);
        answer.put("duplicates", duplicates);
        answer.put("rejected", events.size() - accepted - duplicates);
        answer.put("results", results);
        return answer;
    }

    private void reject(Map<String, Object> result, String sourceId, JsonNode node, ApiProblem problem) {
        meters.rejected(sourceId, node, problem);
        result.put("status", "REJECTED");
        result.put("error", error(problem));
    }

    private static Map<String, Object> error(ApiProblem problem) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", problem.status());
        error.put("title", problem.title());
        error.put("detail", problem.getMessage());
        if (!problem.errors().isEmpty()) {
            error.put("errors", problem.errors());
        }
        return error;
    }

    private static String requireSource(String source) {
        if (source == null || source.isBlank()) {
            throw new ApiProblem(
                    401,
                    "Unauthorized",
                    "the source system is unknown: send events through the gateway with X-Api-Key",
                    List.of());
        }
        return source;
    }
}
