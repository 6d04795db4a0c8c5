package vn.dossierstats.dossier.outbox;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Appends records to the outbox, inside the caller's transaction: they commit or roll back with the change. */
@Component
public class Outbox {

    /**
     * One record to append: its Kafka key, its value (written as JSON) and the trace it belongs to (W3C traceparent;
     * null: the current span's, when the change is made on the request's own thread).
     */
    public record Entry(String key, Object value, String traceParent) {

        public Entry(String key, Object value) {
            this(key, value, null);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TraceParents traces;

    Outbox(JdbcClient jdbc, JsonMapper json, TraceParents traces) {
        this.jdbc = jdbc;
        this.json = json;
        this.traces = traces;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, Object value) {
        appendAll(topic, List.of(new Entry(key, value)));
    }

    /** Appends the entries in one statement; their ids, so the relay's order, follow the list's order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(String topic, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String current = traces.current();
        jdbc.sql("""
                        insert into outbox (topic, record_key, payload, trace_parent)
                        select cast(? as text), u.record_key, u.payload, u.trace_parent
                        from unnest(cast(? as text[]), cast(? as text[]), cast(? as text[])) with ordinality
                            as u(record_key, payload, trace_parent, n)
                        order by u.n""")
                .params(
                        topic,
                        entries.stream().map(Entry::key).toArray(String[]::new),
                        entries.stream()
                                .map(e -> json.writeValueAsString(e.value()))
                                .toArray(String[]::new),
                        entries.stream()
                                .map(e -> e.traceParent() != null ? e.traceParent() : current)
                                .toArray(String[]::new))
                .update();
    }
}
