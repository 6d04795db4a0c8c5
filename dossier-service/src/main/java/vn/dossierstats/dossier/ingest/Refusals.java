package vn.dossierstats.dossier.ingest;

import java.util.List;
import vn.dossierstats.dossier.web.ApiProblem;

/** How a refused event is answered over HTTP (api.md): 403 out of scope, 409 conflict, 422 otherwise. */
final class Refusals {

    private Refusals() {}

    static ApiProblem problem(EventRefused refused) {
        return switch (refused.reason()) {
            case OUT_OF_SCOPE -> new ApiProblem(403, "Forbidden", refused.getMessage(), List.of());
            case CONFLICT -> ApiProblem.conflict(refused.getMessage());
            case UNKNOWN_CATALOGUE_ENTRY, NOT_ALLOWED -> ApiProblem.unprocessable(refused.getMessage());
        };
    }
}
