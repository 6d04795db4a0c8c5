package vn.dossierstats.dossier.drillthrough;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dossierstats.dossier.DossierProperties;

/**
 * The dossiers behind a figure, read from each dossier's last fact: the very snapshot metrics-service sums
 * (architecture invariant 4), so that the count here and the report's agree once the report has caught up. The facts'
 * fields are read from their JSON; {@code V50__drill_through.sql} indexes the unit path the filter starts with.
 */
@Repository
class FigureDossiers {

    /** The last fact's fields as columns, for the dossiers of a unit with its descendants. */
    private static final String FACTS = """
            select dossier_id,
                   j ->> 'unitCode' as unit_code,
                   j ->> 'procedureCode' as procedure_code,
                   j ->> 'channel' as channel,
                   j ->> 'status' as status,
                   cast(j ->> 'receivedAt' as timestamptz) as received,
                   cast(j ->> 'dueAt' as timestamptz) as due,
                   cast(j ->> 'overdueSince' as timestamptz) as overdue_since,
                   cast(j ->> 'endedAt' as timestamptz) as ended,
                   j ->> 'classification' as classification
            from (select dossier_id, cast(last_fact as jsonb) as j
                  from dossier
                  where last_fact is not null
                    and (cast(last_fact as jsonb) -> 'unitPath') @> jsonb_build_array(cast(:unit as text))) f
            where j ->> 'status' <> 'REFUSED'
            """;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    FigureDossiers(JdbcClient jdbc, DossierProperties properties) {
        this.jdbc = jdbc;
        this.zone = properties.timeZone();
    }

    DossierPage behind(String unit, Figure figure, Instant s, Instant e, int page, int size) {
        String filtered = "select * from (" + FACTS + ") d where " + figure.predicate();
        long count = jdbc.sql("select count(*) from (" + filtered + ") c")
                .param("unit", unit)
                .param("s", Timestamp.from(s))
                .param("e", Timestamp.from(e))
                .query(Long.class)
                .single();
        List<DossierRow> rows = jdbc.sql(
                        filtered + " order by " + figure.order() + ", dossier_id limit :size offset :offset")
                .param("unit", unit)
                .param("s", Timestamp.from(s))
                .param("e", Timestamp.from(e))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::row)
                .list();
        return new DossierPage(count, page, size, rows);
    }

    /** Open dossiers, not paused, not yet due, due by {@code until}: the most urgent first. */
    DossierPage dueBetween(String unit, Instant now, Instant until, int page, int size) {
        String filtered = "select * from (" + FACTS + ") d where status = 'OPEN' and overdue_since is null"
                + " and due > :now and due <= :until";
        long count = jdbc.sql("select count(*) from (" + filtered + ") c")
                .param("unit", unit)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .query(Long.class)
                .single();
        List<DossierRow> rows = jdbc.sql(filtered + " order by due, dossier_id limit :size offset :offset")
                .param("unit", unit)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(this::row)
                .list();
        return new DossierPage(count, page, size, rows);
    }

    private DossierRow row(ResultSet rs, int n) throws SQLException {
        return new DossierRow(
                rs.getString("dossier_id"),
                rs.getString("unit_code"),
                rs.getString("procedure_code"),
                rs.getString("channel"),
                rs.getString("status"),
                local(rs.getTimestamp("received")),
                local(rs.getTimestamp("due")),
                local(rs.getTimestamp("overdue_since")),
                local(rs.getTimestamp("ended")),
                rs.getString("classification"));
    }

    private OffsetDateTime local(Timestamp timestamp) {
        return timestamp == null ? null : OffsetDateTime.ofInstant(timestamp.toInstant(), zone);
    }
}
