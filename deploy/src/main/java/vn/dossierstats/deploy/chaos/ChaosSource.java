package vn.dossierstats.deploy.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sources: threads that send {@link ChaosHistories}' dossiers through the gateway as one-stop-shop systems do —
 * single events, mostly in order, some out of order, some in batches, some sent twice — from several source keys, and
 * that retry what got no final answer (no answer, 429, 5xx) after {@code Retry-After} or a short back-off, until the
 * event is answered 2xx or refused. Every final answer goes to the {@link SourceLog}.
 */
final class ChaosSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final int BATCH_DOSSIERS = 8;
    /**
     * A source gives up on an event that has had no final answer for this long (and the log counts it refused, status
     * 0): longer than any outage of the run, so it only happens when something never recovers.
     */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    private final String gateway;
    private final List<String> keys;
    private final ChaosHistories histories;
    private final SourceLog log;
    private final int threads;
    private final double eventsPerSecondPerThread;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    ChaosSource(String gateway, List<String> keys, ChaosHistories histories, SourceLog log, int eventsPerSecond) {
        this.gateway = gateway;
        this.keys = keys;
        this.histories = histories;
        this.log = log;
        this.threads = 4;
        this.eventsPerSecondPerThread = Math.max(0.5, eventsPerSecond / (double) threads);
    }

    void start() {
        running = true;
        for (int i = 0; i < threads; i++) {
            long seed = i;
            workers.add(Thread.ofPlatform().name("chaos-source-" + i).start(() -> run(new Random(seed))));
        }
    }

    /** Stops starting new dossiers and waits until every event sent so far has its final answer. */
    void drain() throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.join();
        }
        workers.clear();
    }

    private void run(Random random) {
        long started = System.nanoTime();
        long events = 0;
        List<ChaosDossier> batch = new ArrayList<>();
        while (running) {
            ChaosDossier dossier = histories.next();
            log.sent(dossier);
            int mode = random.nextInt(10);
            if (mode < 3) {
                batch.add(dossier);
                if (batch.size() == BATCH_DOSSIERS) {
                    sendBatch(batch, random);
                    batch.clear();
                }
            } else {
                List<ChaosEvent> order = new ArrayList<>(dossier.events());
                if (mode < 5) {
                    Collections.shuffle(order, random); // out of order: the source lost connectivity, then backfilled
                }
                for (ChaosEvent event : order) {
                    sendOne(dossier.source(), event);
                    if (random.nextInt(10) == 0) {
                        sendOne(dossier.source(), event); // sent twice: the source did not get the first answer
                    }
                }
            }
            events += dossier.events().size();
            pace(started, events);
        }
        if (!batch.isEmpty()) {
            sendBatch(batch, random);
        }
    }

    /** Keeps this thread near its share of the rate (sends catch up after a fault, at most a second's worth). */
    private void pace(long started, long events) {
        long due = started + (long) (events / eventsPerSecondPerThread * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private void sendOne(int source, ChaosEvent event) {
        Duration backoff = Duration.ofMillis(200);
        long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < giveUpAt) {
            HttpResponse<String> response = post(source, "/api/v1/dossier-events", event.json());
            if (response != null && isFinal(response)) {
                int status = response.statusCode();
                log.answered(event, status == 200 || status == 202, status, brief(response.body()));
                return;
            }
            backoff = waitToRetry(response, backoff);
        }
        log.answered(event, false, 0, "no final answer within " + GIVE_UP_AFTER);
    }

    /** A batch of several dossiers' events, in order or shuffled; sent again whole until it gets a final answer. */
    private void sendBatch(List<ChaosDossier> dossiers, Random random) {
        // one source key per batch: a batch comes from one system
        int source = dossiers.getFirst().source();
        List<ChaosEvent> events = new ArrayList<>();
        for (ChaosDossier dossier : dossiers) {
            if (dossier.source() == source) {
                events.addAll(dossier.events());
            } else {
                dossier.events().forEach(event -> sendOne(dossier.source(), event));
            }
        }
        if (random.nextBoolean()) {
            Collections.shuffle(events, random);
        }
        int times = random.nextInt(10) == 0 ? 2 : 1;
        for (int i = 0; i < times; i++) {
            sendBatchOnce(source, events);
        }
    }

    private void sendBatchOnce(int source, List<ChaosEvent> events) {
        String body = "{\"events\":["
                + String.join(",", events.stream().map(ChaosEvent::json).toList()) + "]}";
        Duration backoff = Duration.ofMillis(200);
        long giveUpAt = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (System.nanoTime() < giveUpAt) {
            HttpResponse<String> response = post(source, "/api/v1/dossier-events/batch", body);
            if (response != null && response.statusCode() == 200) {
                JsonNode results = JSON.readTree(response.body()).path("results");
                for (JsonNode result : results) {
                    ChaosEvent event = events.get(result.path("index").asInt());
                    String status = result.path("status").asString();
                    boolean stored = status.equals("ACCEPTED") || status.equals("DUPLICATE");
                    log.answered(
                            event,
                            stored,
                            stored ? 200 : result.path("error").path("status").asInt(),
                            brief(result.path("error").toString()));
                }
                return;
            }
            if (response != null && isFinal(response)) {
                events.forEach(event -> log.answered(event, false, response.statusCode(), brief(response.body())));
                return;
            }
            backoff = waitToRetry(response, backoff);
        }
        events.forEach(event -> log.answered(event, false, 0, "no final answer within " + GIVE_UP_AFTER));
    }

    /** 2xx and 4xx but 429 are final: the event is stored, or the source must change something before sending it. */
    private boolean isFinal(HttpResponse<String> response) {
        int status = response.statusCode();
        return status < 500 && status != 429;
    }

    /**
     * Waits as the answer asks (Retry-After) or backs off, and counts what the source saw: a 503/504 with Retry-After
     * or a 429 is what a fault may cost; a 500, a 502, a 503 without Retry-After is improper.
     */
    private Duration waitToRetry(HttpResponse<String> response, Duration backoff) {
        long retryAfter = -1;
        if (response == null) {
            log.window().noAnswer.incrementAndGet();
        } else {
            retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(-1);
            int status = response.statusCode();
            boolean promised = (status == 503 || status == 504 || status == 429) && retryAfter >= 0;
            if (promised) {
                log.window().retryLater.incrementAndGet();
            } else {
                log.window().improper.incrementAndGet();
                log.example(status + " " + brief(response.body()));
            }
        }
        Duration wait = retryAfter >= 0 ? Duration.ofSeconds(Math.min(retryAfter, 5)) : backoff;
        LockSupport.parkNanos(Math.max(wait.toNanos(), Duration.ofMillis(100).toNanos()));
        return backoff.multipliedBy(2).compareTo(Duration.ofSeconds(2)) > 0
                ? Duration.ofSeconds(2)
                : backoff.multipliedBy(2);
    }

    private HttpResponse<String> post(int source, String path, String body) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(gateway + path))
                            .header("Content-Type", "application/json")
                            .header("X-Api-Key", keys.get(source))
                            .timeout(REQUEST_TIMEOUT)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String brief(String body) {
        return body == null ? "" : body.substring(0, Math.min(300, body.length()));
    }
}
