package vn.dossierstats.deploy.benchmark;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import vn.dossierstats.deploy.DossierGenerator;

/**
 * One event per request at a steady rate, as many one-stop-shop systems together push them at the national peak:
 * each request is sent when it is due, whether or not earlier ones have been answered (open loop), with at most
 * {@value #MAX_IN_FLIGHT} in flight; beyond that the sender waits, and the achieved rate shows the shortfall.
 */
final class SteadyEvents implements BackgroundLoad {

    private static final int MAX_IN_FLIGHT = 512;

    private final BenchmarkRun run;
    private final Instant start = Instant.now();
    private final long before;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Queue<Exception> failures = new ConcurrentLinkedQueue<>();
    private final Thread sender;
    private volatile boolean running = true;

    SteadyEvents(BenchmarkRun run, int eventsPerSecond) {
        this.run = run;
        this.before = run.events.get();
        this.sender = Thread.ofPlatform().name("steady-events").start(() -> send(eventsPerSecond));
    }

    private void send(int eventsPerSecond) {
        DossierGenerator generator = run.generator();
        Queue<String> next = new ArrayDeque<>();
        long intervalNanos = 1_000_000_000L / Math.max(1, eventsPerSecond);
        long due = System.nanoTime();
        while (running && failures.isEmpty()) {
            if (next.isEmpty()) {
                // the events of one dossier may overtake each other: accepted in any order, they count the same
                next.addAll(generator.dossier(Instant.now()));
                run.dossiers.incrementAndGet();
            }
            String event = next.poll();
            inFlight.acquireUninterruptibly();
            Thread.ofVirtual().start(() -> {
                try {
                    run.gateway.postEvent(event);
                    run.events.incrementAndGet();
                } catch (RuntimeException e) {
                    failures.add(e);
                } finally {
                    inFlight.release();
                }
            });
            due += intervalNanos;
            LockSupport.parkNanos(due - System.nanoTime());
        }
        // the rest of the last dossier, so that every dossier counted is complete
        next.forEach(event -> {
            run.gateway.postEvent(event);
            run.events.incrementAndGet();
        });
    }

    @Override
    public double stop() throws Exception {
        running = false;
        sender.join();
        inFlight.acquireUninterruptibly(MAX_IN_FLIGHT);
        inFlight.release(MAX_IN_FLIGHT);
        if (!failures.isEmpty()) {
            throw failures.peek();
        }
        return BenchmarkRun.rate(run.events.get() - before, start);
    }
}
