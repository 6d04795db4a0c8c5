package vn.dossierstats.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller), run from the Kafka jars of Maven Central in a
 * child JVM, configured for one node: replication factors 1, transactions possible, no automatic topic creation.
 */
final class KafkaBroker {

    private final ChildProcess process;
    private final int port;

    private KafkaBroker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static KafkaBroker start(Path dataDir, int port, int controllerPort) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(dataDir.resolve("kafka"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path properties = dir.resolve("server.properties");
        Files.writeString(
                properties,
                String.join(
                                "\n",
                                List.of(
                                        "process.roles=broker,controller",
                                        "node.id=1",
                                        "controller.quorum.voters=1@localhost:" + controllerPort,
                                        "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:"
                                                + controllerPort,
                                        "advertised.listeners=PLAINTEXT://localhost:" + port,
                                        "controller.listener.names=CONTROLLER",
                                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                                        "inter.broker.listener.name=PLAINTEXT",
                                        "log.dirs=" + logs,
                                        "num.partitions=6",
                                        "auto.create.topics.enable=false",
                                        "offsets.topic.replication.factor=1",
                                        "transaction.state.log.replication.factor=1",
                                        "transaction.state.log.min.isr=1",
                                        "share.coordinator.state.topic.replication.factor=1",
                                        "share.coordinator.state.topic.min.isr=1",
                                        "group.initial.rebalance.delay.ms=0",
                                        "log.cleaner.dedupe.buffer.size=16777216"))
                        + "\n");
        Path log = dataDir.resolve("kafka.log");
        if (!Files.exists(logs.resolve("meta.properties"))) {
            ChildProcess.run(
                    "kafka-storage-format",
                    Java.command(
                            List.of("-Xmx256m"),
                            "kafka.tools.StorageTool",
                            "format",
                            "-t",
                            Uuid.randomUuid().toString(),
                            "-c",
                            properties.toString()),
                    log,
                    Duration.ofMinutes(2));
        }
        ChildProcess broker = ChildProcess.start(
                "kafka",
                Java.command(List.of("-Xmx768m", "-Dlog4j2.level=WARN"), "kafka.Kafka", properties.toString()),
                Map.of(),
                log);
        KafkaBroker started = new KafkaBroker(broker, port);
        started.awaitReady(Duration.ofMinutes(2));
        return started;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited: " + Logs.tail(process.log(), 30));
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    Thread.sleep(300);
                }
            }
        }
        throw new IllegalStateException(
                "the Kafka broker did not start within " + timeout + ": " + Logs.tail(process.log(), 30));
    }

    String bootstrap() {
        return "localhost:" + port;
    }

    ProcessHandle handle() {
        return process.handle();
    }

    Path log() {
        return process.log();
    }

    void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    void kill() {
        process.kill();
    }
}
