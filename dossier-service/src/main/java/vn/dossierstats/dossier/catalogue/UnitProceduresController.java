package vn.dossierstats.dossier.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.web.ApiProblem;
import vn.dossierstats.dossier.web.JsonFields;

/**
 * The procedures each unit handles (api.md, "Catalogue and calendar"): the national index's "procedures in scope".
 * Writes are the administrator's (the gateway's catalogue route), reads public.
 */
@RestController
@RequestMapping("/api/v1/units/{code}/procedures")
class UnitProceduresController {

    /** Far above the ~2,000 procedures a province handles. */
    private static final int MAX_PROCEDURES = 10_000;

    private static final int MAX_CODE = 64;

    private final Catalogue catalogue;
    private final JsonMapper json;

    UnitProceduresController(Catalogue catalogue, JsonMapper json) {
        this.catalogue = catalogue;
        this.json = json;
    }

    /** As read and written: the unit's code and its procedures, ordered by code. */
    record Assignment(String unitCode, List<String> procedures) {}

    @PutMapping
    Assignment put(@PathVariable String code, @RequestBody(required = false) String body) {
        JsonFields fields = JsonFields.parse(json, body);
        List<String> procedures = procedures(fields);
        fields.throwIfInvalid();
        if (catalogue.loadUnit(code).isEmpty()) {
            throw ApiProblem.notFound("unknown unit " + code);
        }
        List<String> unknown = catalogue.unknownProcedures(procedures);
        if (!unknown.isEmpty()) {
            throw ApiProblem.unprocessable("procedures: unknown procedure " + String.join(", ", unknown));
        }
        UnitProcedures assigned = catalogue.assign(code, procedures);
        return new Assignment(assigned.unitCode(), assigned.procedures());
    }

    @GetMapping
    Assignment get(@PathVariable String code) {
        if (catalogue.loadUnit(code).isEmpty()) {
            throw ApiProblem.notFound("unknown unit " + code);
        }
        return new Assignment(code, catalogue.assignedProcedures(code));
    }

    private static List<String> procedures(JsonFields fields) {
        JsonNode node = fields.node() == null ? null : fields.node().get("procedures");
        List<String> codes = new ArrayList<>();
        if (node == null || node.isNull()) {
            fields.error("procedures", "is required (an array of procedure codes, [] for none)");
            return codes;
        }
        if (!node.isArray()) {
            fields.error("procedures", "must be an array of procedure codes");
            return codes;
        }
        if (node.size() > MAX_PROCEDURES) {
            fields.error("procedures", "must hold at most " + MAX_PROCEDURES + " codes");
            return codes;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString()
                    || item.asString().length() > MAX_CODE
                    || !JsonFields.CODE.matcher(item.asString()).matches()) {
                fields.error(
                        "procedures[" + i + "]",
                        "must be a procedure code (1 to " + MAX_CODE + " letters, digits, '.', '_', ':' or '-')");
            } else {
                codes.add(item.asString());
            }
        }
        return codes;
    }
}
