package vn.dossierstats.deploy.chaos;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sources were told, the only record the checker trusts besides the public API: per event, the final answer
 * (2xx: stored; anything else: refused), and per fault window what the sources saw on the way.
 */
final class SourceLog {

    /** The final answer for one event: {@code stored} for a 2xx (accepted or duplicate of an earlier attempt). */
    record Answer(ChaosEvent event, boolean stored, int status, String detail) {}

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    /** The dossiers sent so far (every event of each has a final answer once the load has drained). */
    private final ConcurrentLinkedQueue<ChaosDossier> dossiers = new ConcurrentLinkedQueue<>();

    private final Window window = new Window();

    /** Counters of the current fault window; {@link #newWindow} starts the next. */
    static final class Window {
        final AtomicLong stored = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        /** 503 or 504 with Retry-After, or 429: what a source is promised during a fault. */
        final AtomicLong retryLater = new AtomicLong();
        /** No answer (connection refused or reset, timeout). */
        final AtomicLong noAnswer = new AtomicLong();
        /** Anything else that was not a final answer: a 500, a 502, a 503 without Retry-After. */
        final AtomicLong improper = new AtomicLong();

        final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
        /** When the fault was healed (System.nanoTime), and the first event stored after it; -1 until then. */
        final AtomicLong healedAt = new AtomicLong(-1);

        final AtomicLong firstStoredAfterHeal = new AtomicLong(-1);
    }

    void sent(ChaosDossier dossier) {
        dossiers.add(dossier);
    }

    List<ChaosDossier> dossiers() {
        return List.copyOf(dossiers);
    }

    void answered(ChaosEvent event, boolean stored, int status, String detail) {
        String key = event.eventId();
        // a refusal never replaces a 2xx (a duplicate sent after acceptance may meet a refusal, e.g. a conflict)
        answers.merge(key, new Answer(event, stored, status, detail), (old, now) -> old.stored() ? old : now);
        if (stored) {
            window.stored.incrementAndGet();
            long now = System.nanoTime();
            long healed = window.healedAt.get();
            if (healed >= 0 && now >= healed) {
                window.firstStoredAfterHeal.compareAndSet(-1, now);
            }
        } else {
            window.refused.incrementAndGet();
            example("refused " + event.eventId() + ": " + status + " " + detail);
        }
    }

    Map<String, Answer> answers() {
        return Map.copyOf(answers);
    }

    Window window() {
        return window;
    }

    void healed(long nanos) {
        window.healedAt.set(nanos);
    }

    void example(String text) {
        if (window.examples.size() < 5) {
            window.examples.add(text);
        }
    }

    /** Resets the window's counters (the answers and dossiers stay). */
    void newWindow() {
        window.stored.set(0);
        window.refused.set(0);
        window.retryLater.set(0);
        window.noAnswer.set(0);
        window.improper.set(0);
        window.examples.clear();
        window.healedAt.set(-1);
        window.firstStoredAfterHeal.set(-1);
    }
}
