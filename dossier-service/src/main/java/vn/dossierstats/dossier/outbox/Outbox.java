package vn.dossierstats.dossier.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.observability.TraceParents;

/** Appends a record to the outbox, inside the caller's transaction: it commits or rolls back with the change. */
@Component
public class Outbox {

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
        jdbc.sql("insert into outbox (topic, record_key, payload, trace_parent) values (?, ?, ?, ?)")
                .params(topic, key, json.writeValueAsString(value), traces.current())
                .update();
    }
}
