package vn.dossierstats.dossier.dvcqg;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What became of one dossier of a DVCQG request, answered beside {@code error_code} and {@code message}.
 *
 * @param status {@code APPLIED} (every event it brings is held now, duplicates included), {@code STORED} (kept, no
 *     event yet: progress items that wait for the dossier's snapshot) or {@code FAILED} (nothing of it applied)
 * @param accepted events it added; {@code duplicates}: events it brought that were already held
 * @param waitingFor what its status announces that it cannot date yet (dvcqg.md: no event without a known instant)
 * @param field the DVCQG field at fault when it failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DossierOutcome(
        @JsonProperty("MaHoSo") String dossierCode,
        String status,
        Integer accepted,
        Integer duplicates,
        List<String> waitingFor,
        String field,
        String message) {

    static DossierOutcome applied(String dossierCode, int accepted, int duplicates, List<String> waitingFor) {
        return new DossierOutcome(
                dossierCode, "APPLIED", accepted, duplicates, waitingFor.isEmpty() ? null : waitingFor, null, null);
    }

    static DossierOutcome stored(String dossierCode, String message) {
        return new DossierOutcome(dossierCode, "STORED", 0, 0, null, null, message);
    }

    static DossierOutcome failed(String dossierCode, String field, String message) {
        return new DossierOutcome(dossierCode, "FAILED", null, null, null, field, message);
    }

    boolean failed() {
        return "FAILED".equals(status);
    }
}
