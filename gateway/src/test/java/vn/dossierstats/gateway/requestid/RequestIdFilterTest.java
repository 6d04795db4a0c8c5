package vn.dossierstats.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void aSaneIncomingIdIsKept() {
        assertThat(RequestIdFilter.idFor("abc-123")).isEqualTo("abc-123");
        assertThat(RequestIdFilter.idFor("0af7651916cd43dd8448eb211c80319c:span.1"))
                .isEqualTo("0af7651916cd43dd8448eb211c80319c:span.1");
    }

    @Test
    void aMissingOrUnsafeIdIsReplacedByAUuid() {
        for (String incoming : new String[] {null, "", "with space", "a\nb", "<script>", "x".repeat(129), "é"}) {
            assertThat(RequestIdFilter.idFor(incoming)).as("%s", incoming).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void generatedIdsAreDistinctVersion4Uuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            UUID id = UUID.fromString(RequestIdFilter.randomUuid());
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            ids.add(id.toString());
        }
        assertThat(ids).hasSize(1000);
    }
}
