package vn.dossierstats.dossier.dvcqg;

import java.time.Instant;

/**
 * One {@code CapNhatTienDoHoSoMC} item: a processing step of a dossier, with the status after it.
 *
 * @param at {@code ThoiDiemXuLy}
 * @param status {@code TrangThai} 1–10
 */
record ProgressItem(String dossierCode, Instant at, int status) {}
