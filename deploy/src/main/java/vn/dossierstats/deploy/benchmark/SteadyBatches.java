package vn.dossierstats.deploy.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import vn.dossierstats.deploy.DossierGenerator;

/** Batches of 200 events from 4 senders, paced to a steady rate. */
final class SteadyBatches implements BackgroundLoad {

    private static final int SENDERS = 4;
    private static final int BATCH_EVENTS = 200;

    private final BenchmarkRun run;
    private final Instant start = Instant.now();
    private final long before;
    private final Thread senders;
    private volatile boolean running = true;
    private volatile Exception failure;

    SteadyBatches(BenchmarkRun run, double eventsPerSecond) {
        this.run = run;
        this.before = run.events.get();
        this.senders = Thread.ofVirtual().start(() -> {
            try {
                BenchmarkRun.runAll(SENDERS, worker -> send(eventsPerSecond));
            } catch (Exception e) {
                failure = e;
            }
        });
    }

    private void send(double eventsPerSecond) {
        DossierGenerator generator = run.generator();
        long intervalNanos = (long) (1e9 * BATCH_EVENTS * SENDERS / Math.max(1, eventsPerSecond));
        long next = System.nanoTime();
        while (running) {
            List<String> batch = new ArrayList<>(BATCH_EVENTS + 2);
            while (batch.size() < BATCH_EVENTS) {
                batch.addAll(generator.dossier(Instant.now()));
                run.dossiers.incrementAndGet();
            }
            run.events.addAndGet(run.gateway.postBatch(batch));
            next += intervalNanos;
            LockSupport.parkNanos(next - System.nanoTime());
        }
    }

    @Override
    public double stop() throws Exception {
        running = false;
        senders.join();
        if (failure != null) {
            throw failure;
        }
        return BenchmarkRun.rate(run.events.get() - before, start);
    }
}
