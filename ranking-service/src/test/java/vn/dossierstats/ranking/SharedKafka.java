package vn.dossierstats.ranking;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The one embedded KRaft broker of the test JVM, started on first use and shared by every integration test. */
public final class SharedKafka {

    private static final EmbeddedKafkaKraftBroker BROKER = start();

    private SharedKafka() {}

    public static String bootstrapServers() {
        return BROKER.getBrokersAsString();
    }

    private static EmbeddedKafkaKraftBroker start() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return broker;
    }
}
