package vn.dossierstats.dossier.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import vn.dossierstats.dossier.lifecycle.Classification;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.lifecycle.DossierEvent.Channel;
import vn.dossierstats.dossier.lifecycle.DossierHistory.Replay;
import vn.dossierstats.dossier.lifecycle.DossierState;
import vn.dossierstats.dossier.lifecycle.Judgement;

/**
 * The answer of GET /api/v1/dossiers/{dossierId}, instants in local time. Until a receipt applies, the status is
 * {@code AWAITING_RECEIPT} and only the (waiting) events are known. {@code waitingFor}, present only for a dossier
 * pushed as DVCQG snapshots whose status announces what no instant dates yet (dvcqg.md: TD's 5, 6 and 8 rewritten to
 * 9, OpenCPS's bare statuses), lists the DVCQG fields it waits for (e.g. {@code NgayKetThucXuLy}): the status and the
 * figures will move once a snapshot or progress item dates it.
 */
record DossierView(
        String dossierId,
        String unitCode,
        String procedureCode,
        Channel channel,
        String status,
        OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        OffsetDateTime extendedDueAt,
        OffsetDateTime endedAt,
        Classification classification,
        boolean overdue,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> waitingFor,
        List<EventView> events) {

    record EventView(
            String eventId,
            String type,
            OffsetDateTime occurredAt,
            Judgement.Status status,
            String reason,
            String unitCode,
            String procedureCode,
            Channel channel,
            OffsetDateTime dueAt,
            Boolean digitized,
            Boolean feeRequired,
            OffsetDateTime newDueAt,
            DossierEvent.PaymentChannel paymentChannel,
            DossierEvent.Result result,
            DossierEvent.Rating rating) {}

    static final String AWAITING_RECEIPT = "AWAITING_RECEIPT";

    static DossierView of(String dossierId, Replay replay, List<String> waitingFor, ZoneId zone, Instant now) {
        DossierState state = replay.state();
        List<EventView> events = replay.ordered().stream()
                .map(e -> {
                    Judgement judgement = replay.judgementOf(e);
                    return new EventView(
                            e.eventId(),
                            e.type().name(),
                            local(e.occurredAt(), zone),
                            judgement.status(),
                            judgement.reason(),
                            e.unitCode(),
                            e.procedureCode(),
                            e.channel(),
                            local(e.dueAt(), zone),
                            e.digitized(),
                            e.feeRequired(),
                            local(e.newDueAt(), zone),
                            e.paymentChannel(),
                            e.result(),
                            e.rating());
                })
                .toList();
        if (state == null) {
            return new DossierView(
                    dossierId,
                    null,
                    null,
                    null,
                    AWAITING_RECEIPT,
                    null,
                    null,
                    null,
                    null,
                    null,
                    false,
                    waitingFor,
                    events);
        }
        return new DossierView(
                dossierId,
                state.unitCode(),
                state.procedureCode(),
                state.channel(),
                state.status().name(),
                local(state.receivedAt(), zone),
                local(state.dueAt(), zone),
                local(state.extendedDueAt(), zone),
                local(state.endedAt(), zone),
                state.classification(),
                state.status().isOpen() && state.overdueSince(now) != null,
                waitingFor,
                events);
    }

    private static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
