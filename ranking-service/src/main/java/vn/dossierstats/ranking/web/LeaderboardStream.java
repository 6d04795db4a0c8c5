package vn.dossierstats.ranking.web;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.dossierstats.ranking.RankingProperties;
import vn.dossierstats.ranking.leaderboard.Leaderboard;
import vn.dossierstats.ranking.leaderboard.LeaderboardBook;
import vn.dossierstats.ranking.leaderboard.LeaderboardKey;
import vn.dossierstats.ranking.leaderboard.LeaderboardListener;
import vn.dossierstats.unitstats.Period;

/**
 * Server-Sent Events of leaderboards: the full leaderboard on connect and after each change. Sending never blocks
 * the feed: each subscriber has one pending slot (the latest leaderboard wins, a full board supersedes the one
 * before) drained on a virtual thread of its own, so a slow client only delays itself.
 */
@Component
class LeaderboardStream implements LeaderboardListener, SmartLifecycle {

    static final String EVENT = "leaderboard";
    private static final Logger log = LoggerFactory.getLogger(LeaderboardStream.class);

    private final LeaderboardBook book;
    private final RankingProperties properties;
    private final Clock clock;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<LeaderboardKey, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;

    LeaderboardStream(LeaderboardBook book, RankingProperties properties, Clock clock) {
        this.book = book;
        this.properties = properties;
        this.clock = clock;
    }

    SseEmitter subscribe(LeaderboardKey key) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Subscriber subscriber = new Subscriber(emitter);
        Set<Subscriber> ofKey = subscribers.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
        ofKey.add(subscriber);
        Runnable remove = () -> ofKey.remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        // registered first, then the current board: a change in between is sent, never lost
        subscriber.offer(book.get(key));
        return emitter;
    }

    @Override
    public void updated(List<Leaderboard> boards) {
        for (Leaderboard board : boards) {
            Period period = Period.parse(board.period()).orElseThrow();
            Set<Subscriber> ofKey =
                    subscribers.get(new LeaderboardKey(board.level(), board.parent(), period, board.indicator()));
            if (ofKey != null) {
                ofKey.forEach(s -> s.offer(board));
            }
        }
    }

    /** How many clients are connected (all leaderboards). */
    int connected() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown (a later phase), which would otherwise wait for
     * these never-ending responses; clients reconnect to another instance.
     */
    @Override
    public void stop() {
        running = false;
        subscribers.values().forEach(set -> set.forEach(s -> s.emitter.complete()));
        subscribers.clear();
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private final class Subscriber {

        private final SseEmitter emitter;
        private final AtomicReference<Leaderboard> pending = new AtomicReference<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        Subscriber(SseEmitter emitter) {
            this.emitter = emitter;
        }

        void offer(Leaderboard board) {
            pending.set(board);
            if (draining.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }

        private void drain() {
            try {
                Leaderboard board;
                while ((board = pending.getAndSet(null)) != null) {
                    emitter.send(SseEmitter.event()
                            .name(EVENT)
                            .data(
                                    LeaderboardView.of(
                                            board,
                                            clock.instant()
                                                    .atZone(properties.timeZone())
                                                    .toOffsetDateTime(),
                                            null),
                                    MediaType.APPLICATION_JSON));
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("Leaderboard stream client gone: {}", e.getMessage());
                emitter.completeWithError(e);
                return;
            } finally {
                draining.set(false);
            }
            // an offer that came while the flag was still set would otherwise wait for the next change
            if (pending.get() != null && draining.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }
    }
}
