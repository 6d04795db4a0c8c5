package vn.dossierstats.dossier.dvcqg;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a dossier's DVCQG snapshots announce that no instant dates yet (dvcqg.md: no event without a known instant), for
 * the dossier view; the push's answer and the reconciliation read say the same.
 */
@Component
public class WaitingInstants {

    private final DvcqgStore store;

    WaitingInstants(DvcqgStore store) {
        this.store = store;
    }

    /** The DVCQG fields the dossier waits for (e.g. {@code NgayKetThucXuLy}); empty when none, or never pushed so. */
    public List<String> of(String dossierId) {
        return store.waitingFor(dossierId);
    }
}
