package vn.dossierstats.dossier.reorganisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.DossierProperties;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.catalogue.Unit;

/**
 * Reorganisations in PostgreSQL, each applied to the catalogue in one transaction with the units it changes (their
 * validity, successors, the parents of moved children) announced through the outbox.
 */
@Repository
public class Reorganisations {

    /** The changes of a reorganisation as stored beside its request. */
    private record Changes(
            List<ReorganisationPlan.Ended> ended, List<String> started, List<ReorganisationPlan.Moved> moved) {}

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final JsonMapper json;
    private final ZoneId zone;

    Reorganisations(JdbcClient jdbc, Catalogue catalogue, JsonMapper json, DossierProperties properties) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.json = json;
        this.zone = properties.timeZone();
    }

    /**
     * Validates and applies the reorganisation, atomically.
     *
     * @throws ReorganisationRefused when it cannot apply to the catalogue as it stands
     */
    @Transactional
    public RecordedReorganisation record(Reorganisation reorganisation) {
        // no unit changes under the check: two reorganisations, or a unit's PUT, wait for each other
        jdbc.sql("lock table unit in share row exclusive mode").update();
        jdbc.sql("lock table reorganisation in exclusive mode").update();
        LocalDate latest = jdbc.sql("select max(effective) from reorganisation")
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        List<ReorganisationRules.Problem> problems = new ArrayList<>();
        if (latest != null && reorganisation.effective().isBefore(latest)) {
            problems.add(new ReorganisationRules.Problem(
                    "effective",
                    "is before " + latest
                            + ", the date of a reorganisation already recorded: record them in date order"));
        }
        Map<String, Unit> units = new LinkedHashMap<>();
        catalogue.units(null, null).forEach(unit -> units.put(unit.code(), unit));
        problems.addAll(ReorganisationRules.problems(reorganisation, units));
        if (!problems.isEmpty()) {
            throw new ReorganisationRefused(problems);
        }
        ReorganisationPlan plan = ReorganisationRules.plan(reorganisation, units);
        LocalDate effective = plan.effective();
        Set<String> touched = new HashSet<>();
        for (ReorganisationPlan.Ended ended : plan.ended()) {
            jdbc.sql("update unit set valid_to = ?, successor_code = ?, updated_at = now() where code = ?")
                    .params(effective.minusDays(1), ended.successor(), ended.code())
                    .update();
            touched.add(ended.code());
        }
        for (String started : plan.started()) {
            jdbc.sql("update unit set valid_from = ?, updated_at = now() where code = ?")
                    .params(effective, started)
                    .update();
            touched.add(started);
        }
        for (ReorganisationPlan.Moved moved : plan.moved()) {
            jdbc.sql("""
                            insert into unit_parent_change (code, until, parent_before) values (?, ?, ?)
                            on conflict (code, until) do nothing""").params(moved.code(), effective, moved.from()).update();
            jdbc.sql("update unit set parent_code = ?, updated_at = now() where code = ?")
                    .params(moved.to(), moved.code())
                    .update();
            touched.add(moved.code());
        }
        Changes changes = new Changes(plan.ended(), plan.started(), plan.moved());
        RecordedReorganisation recorded = jdbc.sql("""
                        insert into reorganisation (effective, merges, changes) values (?, cast(? as jsonb), cast(? as jsonb))
                        returning id, effective, merges, changes, recorded_at""")
                .params(effective, json.writeValueAsString(reorganisation.merges()), json.writeValueAsString(changes))
                .query(this::row)
                .single();
        touched.stream().sorted().forEach(catalogue::announce);
        catalogue.dropUnitsOnCompletion();
        return recorded;
    }

    /** Every reorganisation recorded, oldest first. */
    public List<RecordedReorganisation> all() {
        return jdbc.sql("select id, effective, merges, changes, recorded_at from reorganisation order by effective, id")
                .query(this::row)
                .list();
    }

    private RecordedReorganisation row(ResultSet rs, int n) throws SQLException {
        List<Reorganisation.Merge> merges =
                json.readValue(rs.getString(3), new TypeReference<List<Reorganisation.Merge>>() {});
        Changes changes = json.readValue(rs.getString(4), Changes.class);
        return new RecordedReorganisation(
                rs.getLong(1),
                rs.getObject(2, LocalDate.class),
                merges,
                changes.ended(),
                changes.started(),
                changes.moved(),
                // local time, as every instant the API outputs
                rs.getTimestamp(5).toInstant().atZone(zone).toOffsetDateTime());
    }
}
