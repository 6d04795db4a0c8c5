package vn.dossierstats.dossier.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentsTest {

    @Test
    void aTraceParentIsWrittenInTheW3cFormatAndOnlyForARealTrace() {
        assertThat(TraceParents.format("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(TraceParents.format("00000000000000000000000000000000", "00f067aa0ba902b7", false))
                .isNull();
        assertThat(TraceParents.format("", "", false)).isNull();
    }
}
