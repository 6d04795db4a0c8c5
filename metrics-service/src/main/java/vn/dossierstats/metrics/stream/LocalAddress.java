package vn.dossierstats.metrics.stream;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import vn.dossierstats.metrics.MetricsProperties;

/**
 * Where other instances reach this one: the advertised host and the port the web server actually listens on (which
 * is known only once it has started, and differs from {@code server.port} when that is 0). The web server starts
 * before the statistics engine, which announces this address to the group as its {@code application.server}.
 */
@Component
public class LocalAddress implements ApplicationListener<WebServerInitializedEvent> {

    private final String host;
    private volatile int port = -1;

    /** Public for an engine run outside Spring (a rebuild in a test): until a web server starts, no address. */
    public LocalAddress(MetricsProperties properties) {
        this.host = properties.advertisedHost();
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    public String host() {
        return host;
    }

    /** The HTTP port, or -1 before the web server has started. */
    public int port() {
        return port;
    }

    /** {@code host:port}, as Kafka Streams' {@code application.server} wants it. */
    public String hostAndPort() {
        return host + ":" + port;
    }
}
