package vn.dossierstats.dossier.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.calendar.ProcessingTime;
import vn.dossierstats.dossier.web.ApiProblem;
import vn.dossierstats.dossier.web.JsonFields;

/** The administrator's catalogue endpoints (the gateway checks the admin token). */
@RestController
@RequestMapping("/api/v1")
class CatalogueController {

    private static final int MAX_CODE = 64;

    private final Catalogue catalogue;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogueController(Catalogue catalogue, JsonMapper json, ApplicationEventPublisher events, Clock clock) {
        this.catalogue = catalogue;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A unit as administrators read and write it: the published record and its optional DVCQG code (dvcqg.md), which
     * stays out of the record published on catalogue.units.v1 (no reader of the statistics needs it); its validity
     * and successor, set by reorganisations.
     */
    record UnitResource(
            String code,
            String name,
            Unit.Level level,
            String parentCode,
            String dvcqgCode,
            LocalDate validFrom,
            LocalDate validTo,
            String successor) {

        static UnitResource of(Unit unit, String dvcqgCode) {
            return new UnitResource(
                    unit.code(),
                    unit.name(),
                    unit.level(),
                    unit.parentCode(),
                    dvcqgCode,
                    unit.validFrom(),
                    unit.validTo(),
                    unit.successor());
        }
    }

    @PutMapping("/units/{code}")
    ResponseEntity<UnitResource> putUnit(@PathVariable String code, @RequestBody(required = false) String body) {
        checkCode("code", code);
        JsonFields fields = JsonFields.parse(json, body);
        String name = fields.text("name", true, 200);
        Unit.Level level = fields.enumValue("level", Unit.Level.class, true);
        String parentCode = fields.code("parentCode", false, MAX_CODE);
        // absent: the code stays as it is; null: cleared
        boolean setsDvcqgCode = fields.node() != null && fields.node().has("dvcqgCode");
        String dvcqgCode = fields.code("dvcqgCode", false, MAX_CODE);
        fields.throwIfInvalid();
        if (dvcqgCode != null) {
            catalogue
                    .unitOfDvcqgCode(dvcqgCode)
                    .filter(holder -> !holder.equals(code))
                    .ifPresent(holder -> {
                        throw ApiProblem.conflict("dvcqgCode: " + dvcqgCode + " already belongs to unit " + holder
                                + "; a code names one unit");
                    });
        }
        if (parentCode != null) {
            if (catalogue.loadUnit(parentCode).isEmpty()) {
                throw ApiProblem.unprocessable("parentCode: unknown unit " + parentCode);
            }
            if (catalogue.loadPath(parentCode).contains(code)) {
                throw ApiProblem.unprocessable("parentCode: " + parentCode + " is " + code
                        + " itself or one of its descendants; units form a tree");
            }
        }
        Unit unit = new Unit(code, name, level, parentCode);
        boolean created = catalogue.put(unit);
        if (setsDvcqgCode) {
            catalogue.setDvcqgCode(code, dvcqgCode).ifPresent(holder -> {
                throw ApiProblem.conflict(
                        "dvcqgCode: " + dvcqgCode + " already belongs to unit " + holder + "; a code names one unit");
            });
        }
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(UnitResource.of(
                        catalogue.loadUnit(code).orElse(unit),
                        catalogue.dvcqgCode(code).orElse(null)));
    }

    @GetMapping("/units/{code}")
    UnitResource unit(@PathVariable String code) {
        Unit unit = catalogue.loadUnit(code).orElseThrow(() -> ApiProblem.notFound("unknown unit " + code));
        return UnitResource.of(unit, catalogue.dvcqgCode(code).orElse(null));
    }

    @GetMapping("/units")
    Map<String, List<UnitResource>> units(
            @RequestParam(required = false) String level, @RequestParam(required = false) String parent) {
        Unit.Level parsed = null;
        if (level != null && !level.isBlank()) {
            try {
                parsed = Unit.Level.valueOf(level);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("level", "must be one of PROVINCE|COMMUNE|DEPARTMENT|MINISTRY|DISTRICT");
            }
        }
        String parentCode = parent == null || parent.isBlank() ? null : parent;
        List<Unit> units = catalogue.units(parsed, parentCode);
        // the list shows what GET /units/{code} shows, read in one query for all of them
        Map<String, String> dvcqgCodes =
                catalogue.dvcqgCodes(units.stream().map(Unit::code).toList());
        return Map.of(
                "units",
                units.stream()
                        .map(unit -> UnitResource.of(unit, dvcqgCodes.get(unit.code())))
                        .toList());
    }

    @PutMapping("/procedures/{code}")
    ResponseEntity<Procedure> putProcedure(@PathVariable String code, @RequestBody(required = false) String body) {
        checkCode("code", code);
        JsonFields fields = JsonFields.parse(json, body);
        String name = fields.text("name", true, 500);
        String domain = fields.text("domain", true, 200);
        JsonFields time = fields.nested("processingTime");
        if (!fields.has("processingTime")) {
            fields.error("processingTime", "is required");
        }
        Integer value = time.positiveInt("value", true, 3650);
        ProcessingTime.Unit unit = time.enumValue("unit", ProcessingTime.Unit.class, true);
        var cutoff = fields.time("cutoff", false);
        Instant effectiveFrom = fields.instant("effectiveFrom", false);
        // the national index's inputs; absent: not online, no fee (api.md)
        Procedure.OnlineLevel onlineLevel = fields.enumValue("onlineLevel", Procedure.OnlineLevel.class, false);
        Boolean feeCharging = fields.bool("feeCharging");
        fields.throwIfInvalid();
        Procedure procedure = new Procedure(
                code,
                name,
                domain,
                new ProcessingTime(value, unit),
                cutoff,
                onlineLevel,
                Boolean.TRUE.equals(feeCharging));
        Optional<ProcedureChanged> changed =
                catalogue.put(procedure, effectiveFrom != null ? effectiveFrom : clock.instant());
        // committed: the dossiers the rule governs are judged again now (listened to in history/)
        changed.ifPresent(events::publishEvent);
        return ResponseEntity.status(changed.isEmpty() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(procedure);
    }

    @GetMapping("/procedures/{code}")
    Procedure procedure(@PathVariable String code) {
        return catalogue.loadProcedure(code).orElseThrow(() -> ApiProblem.notFound("unknown procedure " + code));
    }

    private static void checkCode(String field, String code) {
        if (code.length() > MAX_CODE || !JsonFields.CODE.matcher(code).matches()) {
            throw ApiProblem.invalid(field, "must be 1 to " + MAX_CODE + " letters, digits, '.', '_', ':' or '-'");
        }
    }
}
