package vn.dossierstats.dossier.drillthrough;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
                    and (%s)) f
            where j ->> 'status' <> 'REFUSED'
            """;

    /** The dossiers of any of the units (a territory: the unit and those merged into it), each found by the index. */
    private static String facts(List<String> units) {
        List<String> any = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            any.add("(cast(last_fact as jsonb) -> 'unitPath') @> jsonb_build_array(cast(:unit" + i + " as text))");
        }
        return FACTS.formatted(String.join(" or ", any));
    }

    private static JdbcClient.StatementSpec units(JdbcClient.StatementSpec statement, List<String> units) {
        for (int i = 0; i < units.size(); i++) {
            statement = statement.param("unit" + i, units.get(i));
        }
        return statement;
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;

    FigureDossiers(JdbcClient jdbc, DossierProperties properties) {
        this.jdbc = jdbc;
        this.zone = properties.timeZone();
    }

    /** @param units the territory: the unit and the units merged into it, on the map of the figure */
    DossierPage behind(List<String> units, Figure figure, Instant s, Instant e, int page, int size) {
        String filtered = "select * from (" + facts(units) + ") d where " + figure.predicate();
        long count = units(jdbc.sql("select count(*) from (" + filtered + ") c"), units)
                .param("s", Timestamp.from(s))
                .param("e", Timestamp.from(e))
                .query(Long.class)
                .single();
        List<DossierRow> rows = units(
                        jdbc.sql(filtered + " order by " + figure.order() + ", dossier_id limit :size offset :offset"),
                        units)
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
        String filtered = "select * from (" + facts(List.of(unit))
                + ") d where status = 'OPEN' and overdue_since is null" + " and due > :now and due <= :until";
        long count = units(jdbc.sql("select count(*) from (" + filtered + ") c"), List.of(unit))
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .query(Long.class)
                .single();
        List<DossierRow> rows = units(
                        jdbc.sql(filtered + " order by due, dossier_id limit :size offset :offset"), List.of(unit))
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
