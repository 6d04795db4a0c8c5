package vn.dossierstats.metrics.stream;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import vn.dossierstats.metrics.MetricsProperties;

/** The topics this service reads (declared by dossier-service) and the one it writes and declares here. */
@Configuration
public class Topics {

    /** Read. Key: dossierId. Value: DossierFact JSON. */
    public static final String DOSSIER_FACTS = "dossier.facts.v1";
    /** Read. Key: unit code. Value: UnitRecord JSON. */
    public static final String UNITS = "catalogue.units.v1";
    /** Read. Key: procedure code. Value: ProcedureRecord JSON. */
    public static final String PROCEDURES = "catalogue.procedures.v1";
    /** Read. Key: unit code. Value: UnitProceduresRecord JSON. */
    public static final String UNIT_PROCEDURES = "catalogue.unit-procedures.v1";
    /** Written. Key: {@code unitCode|period}. Value: UnitStats JSON. Compacted. */
    public static final String UNIT_STATS = "unit.stats.v1";

    @Bean
    KafkaAdmin.NewTopics metricsTopics(MetricsProperties properties) {
        return new KafkaAdmin.NewTopics(TopicBuilder.name(UNIT_STATS)
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicas())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                .build());
    }
}
