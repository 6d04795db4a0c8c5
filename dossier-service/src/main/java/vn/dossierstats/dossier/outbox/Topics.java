package vn.dossierstats.dossier.outbox;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import vn.dossierstats.dossier.DossierProperties;

/**
 * The topics this service writes, declared here and nowhere else (docs/events.md). All are compacted: each value is
 * the complete latest state of its key, so the topics alone rebuild every statistic.
 */
@Configuration
public class Topics {

    /** Key: dossierId. Value: DossierFact JSON. */
    public static final String DOSSIER_FACTS = "dossier.facts.v1";
    /** Key: unit code. Value: UnitRecord JSON. */
    public static final String UNITS = "catalogue.units.v1";
    /** Key: procedure code. Value: ProcedureRecord JSON. */
    public static final String PROCEDURES = "catalogue.procedures.v1";
    /** Key: unit code. Value: UnitProceduresRecord JSON (the procedures assigned to the unit). */
    public static final String UNIT_PROCEDURES = "catalogue.unit-procedures.v1";

    @Bean
    KafkaAdmin.NewTopics dossierTopics(DossierProperties properties) {
        return new KafkaAdmin.NewTopics(
                compacted(DOSSIER_FACTS, properties),
                compacted(UNITS, properties),
                compacted(PROCEDURES, properties),
                compacted(UNIT_PROCEDURES, properties));
    }

    private static NewTopic compacted(String name, DossierProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicas())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                .build();
    }
}
