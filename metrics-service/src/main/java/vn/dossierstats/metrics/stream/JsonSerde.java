package vn.dossierstats.metrics.stream;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/** JSON serdes for the topology's own records (repartition topic, stores). */
final class JsonSerde {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The facts of dossier.facts.v1, their instants read by {@link FastInstants}: the same instants, without the
     * {@code DateTimeFormatter} that was a fifth of a fact's parsing on the stream thread.
     */
    static final JsonMapper FACTS =
            JSON.rebuild().addModule(FastInstants.module()).build();

    private JsonSerde() {}

    static <T> Serde<T> of(Class<T> type) {
        return of(type, JSON);
    }

    static <T> Serde<T> of(Class<T> type, JsonMapper json) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : json.writeValueAsBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : json.readValue(bytes, type);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
