package vn.dossierstats.dossier.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.dossierstats.dossier.DossierProperties;
import vn.dossierstats.dossier.lifecycle.DossierEvent;
import vn.dossierstats.dossier.outbox.TraceParents;

/**
 * Concurrent single events committed together. A request hands its event to one of a few committers and waits for the
 * transaction that holds it, so a 2xx still means durably stored; under load one transaction carries every event that
 * arrived while the previous one ran (set-based, one commit, one WAL flush), alone it carries one. The events of one
 * transaction are judged as if they arrived one after another in the order they were handed over, as a batch is.
 */
@Component
class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** An event handed over, with the trace of its request: the committer's thread has none of its own. */
    private record Pending(DossierEvent event, String traceParent, CompletableFuture<BatchIngestion.Applied> answer) {}

    private final BatchIngestion batches;
    private final TraceParents traces;
    private final int maxEvents;
    private final int committers;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    GroupCommit(BatchIngestion batches, TraceParents traces, DossierProperties properties) {
        this.batches = batches;
        this.traces = traces;
        this.maxEvents = properties.groupCommit().maxEvents();
        this.committers = properties.groupCommit().committers();
    }

    /** Ingests the event in the next group and returns its outcome once that group is committed. */
    BatchIngestion.Applied ingest(DossierEvent event) {
        if (!running) {
            return batches.ingestAll(List.of(event)).getFirst();
        }
        Pending pending = new Pending(event, traces.current(), new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.answer().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the event was being committed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void commitGroups() {
        List<Pending> group = new ArrayList<>(maxEvents);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxEvents - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<Pending> group) {
        try {
            List<BatchIngestion.Applied> outcomes = batches.ingestAll(
                    group.stream().map(Pending::event).toList(),
                    group.stream().map(Pending::traceParent).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).answer().complete(outcomes.get(i));
            }
        } catch (RuntimeException | Error e) {
            if (group.size() > 1) {
                // nothing of the group was committed: each event goes again alone, so that only its own fails
                log.debug("A group of {} events failed, committing them one by one: {}", group.size(), e.toString());
                group.forEach(p -> commit(List.of(p)));
            } else {
                group.getFirst().answer().completeExceptionally(e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < committers; i++) {
            Thread thread =
                    Thread.ofPlatform().name("group-commit-" + i).daemon().start(this::commitGroups);
            threads.add(thread);
        }
    }

    /** Stops taking groups once the events already handed over are committed. */
    @Override
    public void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
