package vn.dossierstats.dossier.dvcqg;

import java.time.Instant;
import java.util.List;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Channel;

/**
 * The fields of one {@code DongBoHoSoMC} snapshot that matter to the figures (dvcqg.md), already read: dates as
 * instants (null when absent), flags as booleans. Everything personal the source sent is dropped by the reader.
 *
 * @param dossierCode {@code MaHoSo}
 * @param procedureCode the national code, the leading {@code d.dddddd} of {@code MaTTHC}
 * @param status {@code TrangThaiHoSo} 1–10, or null when the source sent none (OpenCPS's unmapped {@code ""})
 * @param paidOnline {@code DuocThanhToanTrucTuyen} 1 or 2
 */
record Snapshot(
        String dossierCode,
        String procedureCode,
        String procedureName,
        Integer status,
        Channel channel,
        Instant submittedAt,
        Instant receivedAt,
        Instant dueAt,
        Instant endedAt,
        Instant returnedAt,
        Instant refusedAt,
        List<SupplementRound> supplements,
        boolean digitized,
        boolean feeBearing,
        boolean paidOnline,
        boolean electronicResult) {

    Snapshot {
        supplements = List.copyOf(supplements);
    }

    /**
     * One round of {@code DanhSachHoSoBoSung}.
     *
     * @param id {@code HoSoBoSungId}, else the round's position (1-based)
     */
    record SupplementRound(String id, Instant requestedAt, Instant receivedAt) {}

    /** The prefix of {@code MaHoSo} before its first {@code -}: the unit's DVCQG code, by the portal's convention. */
    String unitPrefix() {
        int dash = dossierCode.indexOf('-');
        return dash > 0 ? dossierCode.substring(0, dash) : null;
    }
}
