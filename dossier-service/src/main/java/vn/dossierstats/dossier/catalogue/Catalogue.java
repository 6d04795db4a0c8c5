package vn.dossierstats.dossier.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dossierstats.dossier.calendar.ProcessingTime;
import vn.dossierstats.dossier.outbox.Outbox;
import vn.dossierstats.dossier.outbox.Topics;
import vn.dossierstats.unitstats.UnitSpan;

/**
 * Units and procedures in PostgreSQL; every change is announced through the outbox in the same transaction.
 *
 * <p>{@link #unit}, {@link #procedure} and {@link #path} are read for every event: they answer from a
 * {@link CatalogueCache} (what exists, for up to a second; dropped when this instance changes the catalogue). The
 * administrator's endpoints read the tables themselves ({@code load…}).
 */
@Repository
public class Catalogue {

    private static final String UNIT_COLUMNS =
            "select code, name, level, parent_code, valid_from, valid_to, successor_code from unit";
    private static final int MAX_DEPTH = 32;

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final CatalogueCache<String, Unit> units;
    private final CatalogueCache<String, Procedure> procedures;
    private final CatalogueCache<String, List<String>> paths;
    private final CatalogueCache<String, Lineage> lineages;
    private final CatalogueCache<String, List<ProcessingRule>> rules;

    Catalogue(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.units = new CatalogueCache<>(clock);
        this.procedures = new CatalogueCache<>(clock);
        this.paths = new CatalogueCache<>(clock);
        this.lineages = new CatalogueCache<>(clock);
        this.rules = new CatalogueCache<>(clock);
    }

    /**
     * The processing rule in force for a receipt at {@code receivedAt}: the latest that took effect at or before it,
     * or the first when the receipt is older than every rule.
     */
    public Optional<ProcessingRule> processingRule(String procedureCode, Instant receivedAt) {
        return rules.get(procedureCode, this::loadRules).map(all -> {
            ProcessingRule inForce = all.getFirst();
            for (ProcessingRule rule : all) {
                if (!rule.effectiveFrom().isAfter(receivedAt)) {
                    inForce = rule;
                }
            }
            return inForce;
        });
    }

    private Optional<List<ProcessingRule>> loadRules(String code) {
        List<ProcessingRule> all = jdbc.sql("""
                        select effective_from, time_value, time_unit, cutoff from procedure_version
                        where code = ? order by effective_from""")
                .param(code)
                .query((rs, n) -> new ProcessingRule(
                        rs.getTimestamp(1).toInstant(),
                        new ProcessingTime(rs.getInt(2), ProcessingTime.Unit.valueOf(rs.getString(3))),
                        rs.getObject(4, LocalTime.class)))
                .list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all);
    }

    public Optional<Unit> unit(String code) {
        return units.get(code, this::loadUnit);
    }

    public Optional<Procedure> procedure(String code) {
        return procedures.get(code, this::loadProcedure);
    }

    /** The unit's ancestry, root first, ending with the unit itself; empty for an unknown unit. */
    public List<String> path(String code) {
        return paths.get(code, c -> Optional.of(loadPath(c)).filter(path -> !path.isEmpty()))
                .orElse(List.of());
    }

    /**
     * The ancestry a dossier of {@code code} received on {@code on} counts under, root first: that of the unit itself
     * on that date, or, when the unit had ended by then, of its successor (a merger's event keeps the code it was sent
     * with). Later reorganisations move no dossier received before them. Empty for an unknown unit.
     */
    public List<String> path(String code, LocalDate on) {
        String counted = code;
        for (int hops = 0; hops < MAX_DEPTH; hops++) {
            Optional<Lineage> lineage = lineages.get(counted, this::loadLineage);
            if (lineage.isEmpty()) {
                return List.of();
            }
            Unit unit = lineage.get().unit();
            if (!unit.endedBy(on) || unit.successor() == null) {
                break;
            }
            counted = unit.successor();
        }
        List<String> path = new ArrayList<>();
        for (String at = counted; at != null && path.size() < MAX_DEPTH; ) {
            Optional<Lineage> lineage = lineages.get(at, this::loadLineage);
            if (lineage.isEmpty()) {
                return List.of();
            }
            path.addFirst(at);
            at = lineage.get().parentOn(on);
        }
        return List.copyOf(path);
    }

    private Optional<Lineage> loadLineage(String code) {
        return loadUnit(code)
                .map(unit -> new Lineage(
                        unit,
                        jdbc.sql("select until, parent_before from unit_parent_change where code = ? order by until")
                                .param(code)
                                .query((rs, n) ->
                                        new Lineage.ParentChange(rs.getObject(1, LocalDate.class), rs.getString(2)))
                                .list()));
    }

    /** Every unit with its validity and earlier parents: the map of units on any date, read in two queries. */
    public List<UnitSpan> spans() {
        Map<String, List<UnitSpan.FormerParent>> formerParents = new HashMap<>();
        jdbc.sql("select code, until, parent_before from unit_parent_change order by code, until")
                .query(rs -> {
                    formerParents
                            .computeIfAbsent(rs.getString(1), c -> new ArrayList<>())
                            .add(new UnitSpan.FormerParent(rs.getObject(2, LocalDate.class), rs.getString(3)));
                });
        return units(null, null).stream()
                .map(unit -> new UnitSpan(
                        unit.code(),
                        unit.parentCode(),
                        unit.validFrom(),
                        unit.validTo(),
                        unit.successor(),
                        formerParents.getOrDefault(unit.code(), List.of())))
                .toList();
    }

    /** Every cached unit, path and lineage is dropped now and once the change is committed. */
    public void dropUnitsOnCompletion() {
        dropNowAndOnCompletion(() -> {
            units.dropAll();
            paths.dropAll();
            lineages.dropAll();
        });
    }

    public Optional<Unit> loadUnit(String code) {
        return jdbc.sql(UNIT_COLUMNS + " where code = ?")
                .param(code)
                .query(Catalogue::unitRow)
                .optional();
    }

    public List<Unit> units(Unit.Level level, String parentCode) {
        return jdbc.sql(UNIT_COLUMNS + """
                         where (cast(? as text) is null or level = ?) and (cast(? as text) is null or parent_code = ?)
                        order by code""")
                .params(name(level), name(level), parentCode, parentCode)
                .query(Catalogue::unitRow)
                .list();
    }

    List<String> loadPath(String code) {
        return jdbc.sql("""
                        with recursive up(code, parent_code, depth) as (
                            select code, parent_code, 0 from unit where code = ?
                            union all
                            select u.code, u.parent_code, up.depth + 1 from unit u join up on u.code = up.parent_code
                            where up.depth < 32)
                        select code from up order by depth desc""").param(code).query(String.class).list();
    }

    /** The unit whose DVCQG code ({@code madonvi}) this is; read for each pushed dossier, by a unique index. */
    public Optional<String> unitOfDvcqgCode(String dvcqgCode) {
        return jdbc.sql("select code from unit where dvcqg_code = ?")
                .param(dvcqgCode)
                .query(String.class)
                .optional();
    }

    /** The unit's DVCQG code, or empty. */
    public Optional<String> dvcqgCode(String unitCode) {
        return jdbc.sql("select dvcqg_code from unit where code = ? and dvcqg_code is not null")
                .param(unitCode)
                .query(String.class)
                .optional();
    }

    /** The DVCQG codes of those of the units that have one, by unit code. */
    public Map<String, String> dvcqgCodes(Collection<String> unitCodes) {
        Map<String, String> codes = new HashMap<>();
        if (unitCodes.isEmpty()) {
            return codes;
        }
        jdbc.sql("select code, dvcqg_code from unit where dvcqg_code is not null and code = any(?)")
                .param(unitCodes.toArray(String[]::new))
                .query(rs -> {
                    codes.put(rs.getString(1), rs.getString(2));
                });
        return codes;
    }

    /**
     * Sets (or with null clears) the unit's DVCQG code.
     *
     * @return the unit that already holds the code, if another does (nothing is changed then)
     */
    @Transactional
    public Optional<String> setDvcqgCode(String unitCode, String dvcqgCode) {
        if (dvcqgCode != null) {
            Optional<String> holder = jdbc.sql("select code from unit where dvcqg_code = ? and code <> ? for update")
                    .params(dvcqgCode, unitCode)
                    .query(String.class)
                    .optional();
            if (holder.isPresent()) {
                return holder;
            }
        }
        jdbc.sql("update unit set dvcqg_code = ?, updated_at = now() where code = ?")
                .params(dvcqgCode, unitCode)
                .update();
        return Optional.empty();
    }

    /** @return true when the unit was created, false when replaced */
    @Transactional
    public boolean put(Unit unit) {
        int inserted = jdbc.sql("""
                        insert into unit (code, name, level, parent_code) values (?, ?, ?, ?)
                        on conflict (code) do nothing""")
                .params(unit.code(), unit.name(), unit.level().name(), unit.parentCode())
                .update();
        if (inserted == 0) {
            jdbc.sql("update unit set name = ?, level = ?, parent_code = ?, updated_at = now() where code = ?")
                    .params(unit.name(), unit.level().name(), unit.parentCode(), unit.code())
                    .update();
        }
        announce(unit.code());
        // a unit's move changes the paths of all its descendants
        dropUnitsOnCompletion();
        return inserted == 1;
    }

    /** Publishes the unit as it now stands (validity, earlier parents) on catalogue.units.v1, in the same transaction. */
    public void announce(String code) {
        loadLineage(code).ifPresent(lineage -> outbox.append(Topics.UNITS, code, UnitRecord.of(lineage)));
    }

    Optional<Procedure> loadProcedure(String code) {
        return jdbc.sql("""
                        select code, name, domain, time_value, time_unit, cutoff, online_level, fee_charging
                        from procedure where code = ?""").param(code).query(Catalogue::procedureRow).optional();
    }

    /**
     * Stores the procedure and its processing rule in force from {@code effectiveFrom}.
     *
     * @return the change to announce once committed, empty for a new procedure (no dossier can have it yet)
     */
    @Transactional
    public Optional<ProcedureChanged> put(Procedure procedure, Instant effectiveFrom) {
        boolean created = put(procedure);
        jdbc.sql("""
                        insert into procedure_version (code, effective_from, time_value, time_unit, cutoff)
                        values (?, ?, ?, ?, ?) on conflict (code, effective_from) do update
                        set time_value = excluded.time_value, time_unit = excluded.time_unit, cutoff = excluded.cutoff""")
                .params(
                        procedure.code(),
                        java.sql.Timestamp.from(effectiveFrom),
                        procedure.processingTime().value(),
                        procedure.processingTime().unit().name(),
                        procedure.cutoff())
                .update();
        dropNowAndOnCompletion(() -> rules.drop(procedure.code()));
        boolean first = jdbc.sql("select min(effective_from) from procedure_version where code = ?")
                .param(procedure.code())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant()
                .equals(effectiveFrom);
        // a new first rule also governs every older receipt
        return created
                ? Optional.empty()
                : Optional.of(new ProcedureChanged(procedure.code(), first ? Instant.EPOCH : effectiveFrom));
    }

    private boolean put(Procedure procedure) {
        int inserted = jdbc.sql("""
                        insert into procedure
                        (code, name, domain, time_value, time_unit, cutoff, online_level, fee_charging)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing""").params(procedureParams(procedure)).update();
        if (inserted == 0) {
            jdbc.sql("""
                            update procedure set name = ?, domain = ?, time_value = ?, time_unit = ?, cutoff = ?,
                            online_level = ?, fee_charging = ?, updated_at = now() where code = ?""")
                    .params(
                            procedure.name(),
                            procedure.domain(),
                            procedure.processingTime().value(),
                            procedure.processingTime().unit().name(),
                            procedure.cutoff(),
                            procedure.onlineLevel().name(),
                            procedure.feeCharging(),
                            procedure.code())
                    .update();
        }
        outbox.append(Topics.PROCEDURES, procedure.code(), procedure);
        dropNowAndOnCompletion(() -> procedures.drop(procedure.code()));
        return inserted == 1;
    }

    /** Those of the codes that name no procedure, ordered by code. */
    public List<String> unknownProcedures(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        List<String> known = jdbc.sql("select code from procedure where code = any(?)")
                .param(codes.toArray(String[]::new))
                .query(String.class)
                .list();
        return codes.stream()
                .filter(code -> !known.contains(code))
                .distinct()
                .sorted()
                .toList();
    }

    /** The procedures assigned to the unit (the index's "procedures in scope"), ordered by code. */
    public List<String> assignedProcedures(String unitCode) {
        return jdbc.sql("select procedure_code from unit_procedure where unit_code = ? order by procedure_code")
                .param(unitCode)
                .query(String.class)
                .list();
    }

    /**
     * Replaces the procedures assigned to the unit and announces the whole assignment (compacted by unit code).
     *
     * @return the assignment as stored, ordered by code
     */
    @Transactional
    public UnitProcedures assign(String unitCode, Collection<String> procedureCodes) {
        jdbc.sql("delete from unit_procedure where unit_code = ?")
                .param(unitCode)
                .update();
        List<String> sorted = procedureCodes.stream().distinct().sorted().toList();
        for (String procedure : sorted) {
            jdbc.sql("insert into unit_procedure (unit_code, procedure_code) values (?, ?)")
                    .params(unitCode, procedure)
                    .update();
        }
        UnitProcedures assignment = new UnitProcedures(unitCode, sorted);
        outbox.append(Topics.UNIT_PROCEDURES, unitCode, assignment);
        return assignment;
    }

    /**
     * Drops cached entries now and again once the change is committed (or not): a read between the two could
     * otherwise keep the old value for a whole freshness.
     */
    private static void dropNowAndOnCompletion(Runnable drop) {
        drop.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    drop.run();
                }
            });
        }
    }

    private static Object[] procedureParams(Procedure p) {
        return new Object[] {
            p.code(),
            p.name(),
            p.domain(),
            p.processingTime().value(),
            p.processingTime().unit().name(),
            p.cutoff(),
            p.onlineLevel().name(),
            p.feeCharging()
        };
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Unit unitRow(ResultSet rs, int row) throws SQLException {
        return new Unit(
                rs.getString(1),
                rs.getString(2),
                Unit.Level.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class),
                rs.getString(7));
    }

    private static Procedure procedureRow(ResultSet rs, int row) throws SQLException {
        LocalTime cutoff = rs.getObject(6, LocalTime.class);
        return new Procedure(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                new ProcessingTime(rs.getInt(4), ProcessingTime.Unit.valueOf(rs.getString(5))),
                cutoff,
                Procedure.OnlineLevel.valueOf(rs.getString(7)),
                rs.getBoolean(8));
    }
}
