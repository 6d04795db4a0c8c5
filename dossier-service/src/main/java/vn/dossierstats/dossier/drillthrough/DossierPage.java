package vn.dossierstats.dossier.drillthrough;

import java.util.List;

/** One page of the dossiers behind a figure: {@code count} is all of them, {@code dossiers} this page's. */
record DossierPage(long count, int page, int size, List<DossierRow> dossiers) {}
