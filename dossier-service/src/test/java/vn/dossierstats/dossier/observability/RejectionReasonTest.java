package vn.dossierstats.dossier.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dossierstats.dossier.web.ApiProblem;

class RejectionReasonTest {

    @Test
    void anInvalidEventIsLabelledByItsFirstTopLevelFieldNeverByItsValue() {
        assertThat(RejectionReason.of(ApiProblem.invalid("occurredAt", "must be an ISO-8601 instant")))
                .isEqualTo("invalid-occurredat");
        assertThat(RejectionReason.of(ApiProblem.invalid("events[3].dueAt", "bad")))
                .isEqualTo("invalid-events");
        assertThat(RejectionReason.of(ApiProblem.invalid("", "bad"))).isEqualTo("invalid-body");
    }

    @Test
    void unprocessableEventsAreLabelledByKindNotByTheirDetail() {
        assertThat(RejectionReason.of(ApiProblem.unprocessable("unitCode: unknown unit 33.999")))
                .isEqualTo("unknown-unit");
        assertThat(RejectionReason.of(ApiProblem.unprocessable("procedureCode: unknown procedure 9.1")))
                .isEqualTo("unknown-procedure");
        assertThat(RejectionReason.of(ApiProblem.unprocessable("RESOLVED for dossier D-1 is rejected: ended")))
                .isEqualTo("transition");
        assertThat(RejectionReason.of(ApiProblem.conflict("event e-1 was already received")))
                .isEqualTo("conflict");
        assertThat(RejectionReason.of(401, "no source", List.of())).isEqualTo("status-401");
    }
}
