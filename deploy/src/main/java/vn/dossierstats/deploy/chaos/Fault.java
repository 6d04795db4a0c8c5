package vn.dossierstats.deploy.chaos;

import java.time.Duration;
import java.util.List;
import vn.dossierstats.deploy.EmbeddedPlatform;

/**
 * One fault the chaos run injects while the sources send: what is done, for how long, and how it is healed. A killed
 * service is its first instance (with {@code --instances=2} the other goes on serving).
 */
record Fault(String name, String description, Duration down, Action inject, Action heal) {

    /** What a fault does to the platform. */
    interface Action {
        void on(EmbeddedPlatform platform) throws Exception;
    }

    static Fault killed(String module, Duration down) {
        return new Fault(
                "kill-" + module,
                "SIGKILL " + module + ", restarted " + down.toSeconds() + " s later",
                down,
                p -> p.kill(module, 0),
                p -> p.restart(module, 0));
    }

    /** Every fault of issue 19, in the order the full run injects them. */
    static List<Fault> all() {
        Duration restartAfter = Duration.ofSeconds(5);
        return List.of(
                killed("gateway", restartAfter),
                killed("dossier-service", restartAfter),
                killed("metrics-service", restartAfter),
                killed("ranking-service", restartAfter),
                new Fault(
                        "kill-kafka",
                        "SIGKILL the Kafka broker, restarted 5 s later",
                        restartAfter,
                        EmbeddedPlatform::killBroker,
                        EmbeddedPlatform::startBroker),
                new Fault(
                        "kill-postgres",
                        "SIGKILL PostgreSQL (postmaster and backends), restarted 5 s later",
                        restartAfter,
                        EmbeddedPlatform::killPostgres,
                        EmbeddedPlatform::startPostgres),
                new Fault(
                        "stop-kafka-2m",
                        "the Kafka broker stopped for 2 minutes",
                        Duration.ofMinutes(2),
                        EmbeddedPlatform::stopBroker,
                        EmbeddedPlatform::startBroker),
                new Fault(
                        "stop-postgres-30s",
                        "PostgreSQL stopped for 30 s",
                        Duration.ofSeconds(30),
                        EmbeddedPlatform::stopPostgres,
                        EmbeddedPlatform::startPostgres),
                new Fault(
                        "freeze-kafka-20s",
                        "the Kafka broker frozen (SIGSTOP) for 20 s, then SIGCONT",
                        Duration.ofSeconds(20),
                        p -> p.freezeBroker(true),
                        p -> p.freezeBroker(false)));
    }

    static Fault named(String name) {
        return all().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault " + name + "; known: "
                        + all().stream().map(Fault::name).toList()));
    }

    /** The same fault held for another time (ChaosIT's shorter outages). */
    Fault lasting(Duration other) {
        return new Fault(
                name, description.replace(down.toSeconds() + " s", other.toSeconds() + " s"), other, inject, heal);
    }
}
