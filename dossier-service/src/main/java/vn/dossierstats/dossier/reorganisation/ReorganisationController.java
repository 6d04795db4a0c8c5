package vn.dossierstats.dossier.reorganisation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.web.ApiProblem;
import vn.dossierstats.dossier.web.JsonFields;

/** {@code POST /api/v1/reorganisations} (the gateway checks the admin token) and the list of those recorded. */
@RestController
class ReorganisationController {

    private static final int MAX_CODE = 64;
    private static final int MAX_UNITS = 1_000;

    private final Reorganisations reorganisations;
    private final JsonMapper json;

    ReorganisationController(Reorganisations reorganisations, JsonMapper json) {
        this.reorganisations = reorganisations;
        this.json = json;
    }

    @PostMapping("/api/v1/reorganisations")
    @ResponseStatus(HttpStatus.CREATED)
    RecordedReorganisation record(@RequestBody(required = false) String body) {
        Reorganisation reorganisation = parse(JsonFields.parse(json, body));
        try {
            return reorganisations.record(reorganisation);
        } catch (ReorganisationRefused refused) {
            throw new ApiProblem(
                    422,
                    "Reorganisation refused",
                    refused.getMessage(),
                    refused.problems().stream()
                            .map(p -> new ApiProblem.FieldError(p.field(), p.reason()))
                            .toList());
        }
    }

    @GetMapping("/api/v1/reorganisations")
    Map<String, List<RecordedReorganisation>> all() {
        return Map.of("reorganisations", reorganisations.all());
    }

    private static Reorganisation parse(JsonFields fields) {
        LocalDate effective = null;
        String text = fields.text("effective", true, 10);
        if (text != null) {
            try {
                effective = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                fields.error("effective", "must be a date, YYYY-MM-DD");
            }
        }
        List<Reorganisation.Merge> merges = new ArrayList<>();
        JsonNode list = fields.node().get("merges");
        if (list == null || list.isNull()) {
            fields.error("merges", "is required: [{\"into\": \"<unit>\", \"from\": [\"<unit>\", ...]}, ...]");
        } else if (!list.isArray() || list.isEmpty() || list.size() > MAX_UNITS) {
            fields.error("merges", "must be an array of 1 to " + MAX_UNITS + " merges");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String where = "merges[" + i + "]";
                JsonNode node = list.get(i);
                if (!node.isObject()) {
                    fields.error(where, "must be an object {\"into\": \"<unit>\", \"from\": [\"<unit>\", ...]}");
                    continue;
                }
                JsonFields merge = JsonFields.of(node, where + ".");
                String into = merge.code("into", true, MAX_CODE);
                List<String> from = codes(node.get("from"), where + ".from", fields);
                merge.errors().forEach(error -> fields.error(error.field(), error.message()));
                if (into != null && from != null) {
                    if (from.stream().allMatch(into::equals)) {
                        fields.error(where + ".from", "must name at least one unit other than into (" + into + ")");
                    } else {
                        merges.add(new Reorganisation.Merge(into, from));
                    }
                }
            }
        }
        fields.throwIfInvalid();
        return new Reorganisation(effective, merges);
    }

    private static List<String> codes(JsonNode node, String where, JsonFields fields) {
        if (node == null || node.isNull()) {
            fields.error(where, "is required: the units merged, the successor itself included if it continues");
            return null;
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_UNITS) {
            fields.error(where, "must be an array of 1 to " + MAX_UNITS + " unit codes");
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode code = node.get(i);
            if (!code.isString()
                    || code.asString().isEmpty()
                    || code.asString().length() > MAX_CODE
                    || !JsonFields.CODE.matcher(code.asString()).matches()) {
                fields.error(where + "[" + i + "]", "must be a unit code (letters, digits, '.', '_', ':', '-')");
                return null;
            }
            codes.add(code.asString());
        }
        return codes;
    }
}
