package vn.dossierstats.metrics.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepresentationTest {

    @Test
    void theFormatParameterWinsOverAccept() {
        assertThat(Representation.of("csv", "application/json")).isEqualTo(Representation.CSV);
        assertThat(Representation.of("JSON", "text/csv")).isEqualTo(Representation.JSON);
    }

    @Test
    void acceptChoosesByQualityAndDefaultsToJson() {
        assertThat(Representation.of(null, "text/csv")).isEqualTo(Representation.CSV);
        assertThat(Representation.of(null, "application/json;q=0.5, text/csv")).isEqualTo(Representation.CSV);
        assertThat(Representation.of(null, "text/csv;q=0.5, application/json")).isEqualTo(Representation.JSON);
        assertThat(Representation.of(null, "*/*")).isEqualTo(Representation.JSON);
        assertThat(Representation.of(null, null)).isEqualTo(Representation.JSON);
        assertThat(Representation.of(null, "text/html")).isEqualTo(Representation.JSON);
    }

    @Test
    void anUnknownFormatIsRefused() {
        assertThatThrownBy(() -> Representation.of("xlsx", null)).hasMessage("must be csv or json");
    }
}
