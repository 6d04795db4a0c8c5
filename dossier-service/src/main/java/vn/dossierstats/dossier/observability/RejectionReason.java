package vn.dossierstats.dossier.observability;

import java.util.List;
import java.util.Locale;
import vn.dossierstats.dossier.web.ApiProblem;

/**
 * Why an event was rejected, as a label of bounded cardinality: the problem details name dossiers, units and event
 * ids, which must never become label values.
 */
public final class RejectionReason {

    private RejectionReason() {}

    /**
     * {@code invalid-<field>} for a 400 (the first invalid field, a name of the event schema), {@code unknown-unit},
     * {@code unknown-procedure}, {@code transition} for a 422, {@code conflict} for a 409, else {@code status-<n>}.
     */
    public static String of(int status, String detail, List<ApiProblem.FieldError> errors) {
        return switch (status) {
            case 400 ->
                errors.isEmpty()
                        ? "invalid"
                        : "invalid-" + fieldName(errors.getFirst().field());
            case 409 -> "conflict";
            case 422 -> {
                String text = detail == null ? "" : detail;
                if (text.startsWith("unitCode:")) {
                    yield "unknown-unit";
                }
                if (text.startsWith("procedureCode:")) {
                    yield "unknown-procedure";
                }
                yield "transition";
            }
            default -> "status-" + status;
        };
    }

    public static String of(ApiProblem problem) {
        return of(problem.status(), problem.getMessage(), problem.errors());
    }

    /** The top-level field, without array indexes or nested paths, lower case, at most 40 characters. */
    private static String fieldName(String field) {
        String top = field == null ? "" : field.split("[.\\[]", 2)[0];
        String cleaned = top.replaceAll("[^A-Za-z0-9_]", "");
        if (cleaned.isEmpty()) {
            return "body";
        }
        return cleaned.substring(0, Math.min(40, cleaned.length())).toLowerCase(Locale.ROOT);
    }
}
