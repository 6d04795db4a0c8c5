package vn.dossierstats.gateway.access;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link ManagedSources} current: asks dossier-service ({@code GET /internal/v1/source-keys?sinceVersion=v},
 * never routed to the outside) for the key entries changed since the last answer, every {@code pollInterval} (250 ms
 * by default). An unchanged directory costs one small request, and a revoked or rotated key stops working on every
 * gateway instance within the interval, without a restart and without messages between the instances. With several
 * dossier-service instances it keeps asking the one that answered last, and moves on to the next when it fails (every
 * instance serves the same feed from the shared database).
 */
final class SourceKeyFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SourceKeyFeed.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final ManagedSources directory;
    private final List<URI> feeds;
    private final Duration interval;
    private final JsonMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private ScheduledExecutorService executor;
    private volatile boolean failing;
    /** The instance asked first: the one that answered last. Only the feed's one thread touches it. */
    private int current;

    SourceKeyFeed(ManagedSources directory, List<URI> dossierService, Duration interval, JsonMapper json) {
        if (dossierService.isEmpty()) {
            throw new IllegalArgumentException("no dossier-service instance configured (gateway.services.dossier)");
        }
        this.directory = directory;
        this.feeds = dossierService.stream()
                .map(instance -> instance.resolve("/internal/v1/source-keys"))
                .toList();
        this.interval = interval;
        this.json = json;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "source-key-feed");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void pollSafely() {
        try {
            poll();
            if (failing) {
                failing = false;
                log.info("source key feed of dossier-service answers again; {} managed keys", directory.size());
            }
        } catch (Exception e) {
            if (!failing) { // once per outage, not four lines a second
                failing = true;
                log.warn(
                        "source key feed of dossier-service failed ({}); managed keys are refused after the"
                                + " staleness limit until it answers",
                        e.toString());
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the instances in turn, from the one that answered last, until one answers. */
    void poll() throws IOException, InterruptedException {
        IOException failure = null;
        for (int attempt = 0; attempt < feeds.size(); attempt++) {
            int index = (current + attempt) % feeds.size();
            try {
                poll(feeds.get(index));
                current = index;
                return;
            } catch (IOException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
            }
        }
        throw failure;
    }

    private void poll(URI feed) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(feed + "?sinceVersion=" + directory.version()))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body());
        JsonNode version = answer.get("version");
        JsonNode keys = answer.get("keys");
        if (version == null || !version.isIntegralNumber() || keys == null || !keys.isArray()) {
            throw new IOException("not a key feed answer");
        }
        Base64.Decoder base64 = Base64.getUrlDecoder();
        List<ManagedSources.KeyEntry> entries = new ArrayList<>();
        for (JsonNode key : keys) {
            boolean revoked = key.path("revoked").asBoolean(false);
            entries.add(new ManagedSources.KeyEntry(
                    key.path("sourceId").asString(),
                    key.path("keyId").asString(),
                    revoked ? null : base64.decode(key.path("salt").asString()),
                    revoked ? null : base64.decode(key.path("hash").asString()),
                    revoked));
        }
        directory.apply(version.asLong(), entries);
    }
}
