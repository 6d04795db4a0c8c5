package vn.dossierstats.ranking.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PreparedBodyTest {

    @Test
    void theSameBytesHaveTheSameStrongTag() {
        PreparedBody one = PreparedBody.of(bytes("{\"a\":1}"));
        PreparedBody two = PreparedBody.of(bytes("{\"a\":1}"));

        assertThat(one.etag()).isEqualTo(two.etag()).matches("\"[A-Za-z0-9_-]{22}\"");
    }

    @Test
    void anyChangedByteChangesTheTag() {
        assertThat(PreparedBody.of(bytes("{\"a\":1}")).etag())
                .isNotEqualTo(PreparedBody.of(bytes("{\"a\":2}")).etag());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
