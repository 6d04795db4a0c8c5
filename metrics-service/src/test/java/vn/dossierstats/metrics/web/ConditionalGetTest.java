package vn.dossierstats.metrics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

class ConditionalGetTest {

    private final PreparedBody body = PreparedBody.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    private final ConditionalGet conditional = new ConditionalGet(Duration.ofMillis(200));

    @Test
    void aClientWithoutTheTagGetsTheBodyWithItsTagAndCachingRule() {
        var response = conditional.answer(body, null);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).isSameAs(body.bytes());
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(response.getHeaders().getETag()).isEqualTo(body.etag());
        assertThat(response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL))
                .isEqualTo("public, max-age=0, must-revalidate");
    }

    @Test
    void aClientHoldingTheBodyGetsANotModifiedWithoutBody() {
        var response = conditional.answer(body, "\"other\", " + body.etag());

        assertThat(response.getStatusCode().value()).isEqualTo(304);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders().getETag()).isEqualTo(body.etag());
        assertThat(response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL))
                .isEqualTo("public, max-age=0, must-revalidate");
    }

    @Test
    void aClientHoldingAnOlderBodyGetsTheNewOne() {
        assertThat(conditional.answer(body, "\"older\"").getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void maxAgeIsInWholeSecondsRoundedDown() {
        assertThat(new ConditionalGet(Duration.ofMillis(1999)).cacheControl())
                .isEqualTo("public, max-age=1, must-revalidate");
        assertThat(new ConditionalGet(Duration.ZERO).cacheControl()).isEqualTo("public, max-age=0, must-revalidate");
    }
}
