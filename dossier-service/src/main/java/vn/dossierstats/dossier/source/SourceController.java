package vn.dossierstats.dossier.source;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.DossierProperties;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.web.ApiProblem;
import vn.dossierstats.dossier.web.JsonFields;

/**
 * Source management for administrators (the gateway routes {@code /api/v1/sources/**} only with a valid admin token).
 * A key is in a response exactly twice in its life: when the source is created and when it is rotated.
 */
@RestController
@RequestMapping("/api/v1/sources")
class SourceController {

    private static final int MAX_NAME = 100;
    private static final int MAX_SCOPES = 1000;
    private static final int MAX_CODE = 64;

    private final Sources sources;
    private final SourceScopes scopes;
    private final Catalogue catalogue;
    private final JsonMapper json;
    private final ZoneId zone;

    SourceController(
            Sources sources, SourceScopes scopes, Catalogue catalogue, JsonMapper json, DossierProperties properties) {
        this.sources = sources;
        this.scopes = scopes;
        this.catalogue = catalogue;
        this.json = json;
        this.zone = properties.timeZone();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) String body) {
        JsonFields fields = JsonFields.parse(json, body);
        String name = fields.text("name", true, MAX_NAME);
        List<String> scopeList = scopes(fields);
        fields.throwIfInvalid();
        for (String scope : scopeList) {
            if (!scope.equals(ScopeRule.ALL) && catalogue.unit(scope).isEmpty()) {
                throw ApiProblem.unprocessable("scopes: unknown unit " + scope);
            }
        }
        Sources.WithKey created = sources.create(name, scopeList);
        return ResponseEntity.created(
                        URI.create("/api/v1/sources/" + created.source().id()))
                .body(view(created.source(), created.key()));
    }

    @GetMapping
    Map<String, Object> list() {
        return Map.of("sources", sources.list().stream().map(s -> view(s, null)).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(find(id), null);
    }

    @PostMapping("/{id}/rotate")
    Map<String, Object> rotate(@PathVariable String id) {
        Source source = find(id);
        if (source.revoked()) {
            throw ApiProblem.conflict("source " + id + " is revoked; create a new source instead");
        }
        Sources.WithKey rotated = sources.rotate(id)
                .orElseThrow(() -> ApiProblem.conflict("source " + id + " is revoked; create a new source instead"));
        scopes.changed(id);
        return view(rotated.source(), rotated.key());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String id) {
        if (!sources.revoke(id)) {
            throw unknown(id);
        }
        scopes.changed(id);
    }

    private Source find(String id) {
        return sources.find(id).orElseThrow(() -> unknown(id));
    }

    private static ApiProblem unknown(String id) {
        return ApiProblem.notFound("unknown source " + id);
    }

    /** {@code scopes}: a non-empty array of {@code *} or unit codes (duplicates dropped, order kept). */
    private static List<String> scopes(JsonFields fields) {
        JsonNode value = fields.node().get("scopes");
        if (value == null || value.isNull()) {
            fields.error("scopes", "is required: an array of unit codes or \"*\"");
            return List.of();
        }
        if (!value.isArray() || value.isEmpty() || value.size() > MAX_SCOPES) {
            fields.error("scopes", "must be an array of 1 to " + MAX_SCOPES + " unit codes or \"*\"");
            return List.of();
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode scope = value.get(i);
            if (!scope.isString()
                    || scope.asString().length() > MAX_CODE
                    || !(scope.asString().equals(ScopeRule.ALL)
                            || JsonFields.CODE.matcher(scope.asString()).matches())) {
                fields.error("scopes[" + i + "]", "must be a unit code or \"*\"");
            } else {
                scopes.add(scope.asString());
            }
        }
        return new ArrayList<>(scopes);
    }

    private Map<String, Object> view(Source source, SourceKey key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", source.id());
        view.put("name", source.name());
        view.put("scopes", source.scopes());
        view.put("keyId", source.keyId());
        view.put("revoked", source.revoked());
        view.put("createdAt", local(source.createdAt()));
        view.put("rotatedAt", local(source.rotatedAt()));
        view.put("revokedAt", local(source.revokedAt()));
        if (key != null) {
            view.put("key", key.key()); // shown once: only its hash is kept
        }
        return view;
    }

    private OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
