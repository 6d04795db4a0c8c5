package vn.dossierstats.ranking.leaderboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiPredicate;

/**
 * The latest value of each key since the last {@link #drain()}: a burst of changes to one leaderboard becomes one
 * write. Offering is O(1) and never blocks, so the thread that produces the changes is not held up by whoever drains
 * them.
 *
 * <p>{@code keepBoth} says when a superseded value must still be drained (e.g. the last content of a local day, so
 * that "as it stood at midnight" survives a change a second later); such values come out before the latest one.
 */
public final class Coalescer<K, V> {

    /** A value and the instant it was offered at. */
    public record Pending<K, V>(K key, V value, Instant at) {}

    private final Map<K, Pending<K, V>> latest = new ConcurrentHashMap<>();
    private final Queue<Pending<K, V>> kept = new ConcurrentLinkedQueue<>();
    private final BiPredicate<Instant, Instant> keepBoth;

    /** @param keepBoth (older instant, newer instant) → whether the older value is drained too */
    public Coalescer(BiPredicate<Instant, Instant> keepBoth) {
        this.keepBoth = keepBoth;
    }

    /** Only the latest value of a key is ever drained. */
    public static <K, V> Coalescer<K, V> latestOnly() {
        return new Coalescer<>((older, newer) -> false);
    }

    public void offer(K key, V value, Instant at) {
        latest.compute(key, (k, old) -> {
            if (old != null && keepBoth.test(old.at(), at)) {
                kept.add(old);
            }
            return new Pending<>(k, value, at);
        });
    }

    /** Takes everything offered since the last drain: kept values first, then the latest of each key. */
    public List<Pending<K, V>> drain() {
        List<Pending<K, V>> out = new ArrayList<>();
        Pending<K, V> next;
        while ((next = kept.poll()) != null) {
            out.add(next);
        }
        for (K key : latest.keySet()) {
            Pending<K, V> value = latest.remove(key);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    /** Puts back values that could not be handled, unless a newer value of their key has been offered since. */
    public void retry(List<Pending<K, V>> failed) {
        for (Pending<K, V> value : failed) {
            latest.compute(value.key(), (k, current) -> {
                if (current == null) {
                    return value;
                }
                if (current.at().isAfter(value.at()) && keepBoth.test(value.at(), current.at())) {
                    kept.add(value);
                }
                return current.at().isBefore(value.at()) ? value : current;
            });
        }
    }

    /** Drops the superseded values kept so far; the latest of each key stays. */
    public void forgetSuperseded() {
        kept.clear();
    }

    /** How many keys have a value waiting. */
    public int pending() {
        return latest.size() + kept.size();
    }
}
