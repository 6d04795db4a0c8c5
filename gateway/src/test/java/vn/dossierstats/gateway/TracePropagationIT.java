package vn.dossierstats.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The service continues the caller's trace from the gateway's server span, and follows the caller's sampling decision,
 * with no client observation at the gateway (forwarding.ServerSpanPropagation).
 */
class TracePropagationIT extends GatewayITSupport {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";

    @Test
    void aSampledCallersTraceContinuesAtTheServiceFromTheGatewaysSpan() {
        String traceparent = forwardedTraceparent("01");

        assertThat(traceparent).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        assertThat(traceparent).doesNotContain(CALLER_SPAN);
    }

    @Test
    void anUnsampledCallersTraceStaysUnsampledAtTheService() {
        assertThat(forwardedTraceparent("00")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-00");
    }

    @Test
    void aRequestWithoutTraceStartsOneThatTheServiceContinues() {
        String requestId = newRequestId();
        HttpResponse<String> response =
                send(request(uri("/api/v1/stats/units/H26"), requestId).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(METRICS.received(requestId)
                        .orElseThrow()
                        .header("traceparent")
                        .orElseThrow())
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    private String forwardedTraceparent(String flags) {
        String requestId = newRequestId();
        HttpResponse<String> response = send(request(uri("/api/v1/stats/units/H26"), requestId)
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-" + flags)
                .GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return METRICS.received(requestId).orElseThrow().header("traceparent").orElseThrow();
    }
}
