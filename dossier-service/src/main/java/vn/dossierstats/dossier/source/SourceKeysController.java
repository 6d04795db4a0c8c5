package vn.dossierstats.dossier.source;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dossierstats.dossier.web.ApiProblem;

/**
 * The gateways' feed of key hashes: {@code GET /internal/v1/source-keys?sinceVersion=v} answers the entries changed
 * after version {@code v} and the version to ask from next. Gateways poll it a few times a second, so a revocation or
 * rotation applies on every gateway within a second; an unchanged table costs one indexed query.
 *
 * <p>{@code /internal/**} is never routed by the gateway (it routes only {@code /api/v1/**}); it is for the services'
 * private network only. It holds salts and hashes, never a key.
 */
@RestController
class SourceKeysController {

    private final Sources sources;

    SourceKeysController(Sources sources) {
        this.sources = sources;
    }

    @GetMapping("/internal/v1/source-keys")
    Map<String, Object> keys(@RequestParam(defaultValue = "0") String sinceVersion) {
        long since;
        try {
            since = Long.parseLong(sinceVersion);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("sinceVersion", "must be a version number");
        }
        if (since < 0) {
            throw ApiProblem.invalid("sinceVersion", "must be a version number");
        }
        Sources.KeyChanges changes = sources.keysSince(since);
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        List<Map<String, Object>> keys = changes.entries().stream()
                .map(entry -> {
                    Map<String, Object> key = new LinkedHashMap<>();
                    key.put("sourceId", entry.sourceId());
                    key.put("keyId", entry.keyId());
                    key.put("revoked", entry.revoked());
                    key.put("salt", entry.revoked() ? null : base64.encodeToString(entry.salt()));
                    key.put("hash", entry.revoked() ? null : base64.encodeToString(entry.hash()));
                    return key;
                })
                .toList();
        return Map.of("version", changes.version(), "keys", keys);
    }
}
