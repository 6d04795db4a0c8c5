package vn.dossierstats.ranking.leaderboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;
import vn.dossierstats.unitstats.Territories;

/**
 * The leaderboards kept ready: the catalogue and the latest counts of every unit and period, and one prepared,
 * immutable {@link Leaderboard} per (level, parent, period, indicator) that has data in its scope.
 *
 * <p>A change marks exactly the leaderboards it touches (a unit's counts: its level nationwide and under each of its
 * ancestors; a catalogue change: the scopes the unit and its descendants leave or join); {@link #flush()} recomputes
 * them once per batch of changes, earlier periods first, and the next period's leaderboard too when ranks moved
 * (its movement is measured against them). Reads are a map lookup.
 *
 * <p>Reorganisations: a leaderboard of a period lists the units as they were on the period's last day, each with the
 * counts of its territory then (its own and those of the units merged into it by then, {@link Territories}); a
 * leaderboard on today's map ({@link #onTodaysMap}) is computed when read.
 *
 * <p>Threading: one writer (the feed) calls the mutators and {@link #flush()}; readers call {@link #get} from any
 * thread. Until {@link #goLive()} (the start-up replay) changes only accumulate: preparing boards for every
 * intermediate state of a replay would be wasted work.
 */
public final class LeaderboardBook {

    private static final int MAX_DEPTH = 64;
    /** Scored territories kept at most: every unit's running periods and the ones before (~3,900 × 8), with room. */
    private static final int TERRITORIES_KEPT = 65_536;

    private final long minVolume;
    private final Map<String, Unit> units = new ConcurrentHashMap<>();
    /** unit code → period → counts; kept for units the catalogue does not know yet. */
    private final Map<String, Map<Period, PeriodCounts>> counts = new HashMap<>();
    /**
     * Units of each scope on a stretch of dates with one map ({@link Territories#epoch}; {@code LocalDate.MIN} while no
     * reorganisation is known); dropped on every catalogue change.
     */
    private final Map<Map.Entry<Scope, LocalDate>, List<Unit>> members = new HashMap<>();
    /** The map of units over time, rebuilt at the first use after a catalogue change; null until then. */
    private Territories territories;
    /** Whether any unit has a validity (a reorganisation happened); null until known after a catalogue change. */
    private Boolean reorganised;

    /**
     * Each territory's counts as last summed, with the indicators' values on them ({@link #scored}): the nine
     * indicators of a scope and period rank the same units on the same counts, and a unit is in two scopes or more, so
     * a recomputation would otherwise sum and score every unit eighteen times. A change of counts forgets the
     * territories it is in ({@link #forgetTerritories}), a change of the catalogue every one.
     */
    private final Map<TerritoryKey, Scored> scoredTerritories = new HashMap<>();

    private record TerritoryKey(String code, Period period, LocalDate epoch) {}

    /**
     * For each unit and period, the scored territories that sum its counts (its own; on a reorganised map also its
     * successors' on the maps they were drawn on): what a change of those counts forgets, and nothing else.
     */
    private final Map<Map.Entry<String, Period>, Set<TerritoryKey>> territoriesSumming = new HashMap<>();

    /** A territory's counts, and each indicator's value on them once asked for. */
    private static final class Scored {
        private static final Indicator[] INDICATORS = Indicator.values();

        final PeriodCounts counts;
        private final BigDecimal[] values = new BigDecimal[INDICATORS.length];
        private final boolean[] known = new boolean[INDICATORS.length];

        Scored(PeriodCounts counts) {
            this.counts = counts;
        }

        BigDecimal value(Indicator indicator) {
            int i = indicator.ordinal();
            if (!known[i]) {
                values[i] = indicator.value(counts);
                known[i] = true;
            }
            return values[i];
        }
    }

    private final Map<LeaderboardKey, Leaderboard> prepared = new ConcurrentHashMap<>();
    private final Map<Scope, Set<LeaderboardKey>> preparedByScope = new HashMap<>();
    /**
     * The leaderboards to recompute at the next flush. A set by hash: every unit whose counts change marks the
     * nine leaderboards of each of its scopes, mostly marked already by its neighbours; the flush orders them once.
     */
    private final Set<LeaderboardKey> dirty = new HashSet<>();
    /**
     * The (unit, period) pairs whose leaderboards are in {@link #dirty} since the last flush: the statistics of a busy
     * unit change many times between two flushes, and marking its leaderboards once is enough.
     */
    private final Set<Map.Entry<String, Period>> marked = new HashSet<>();

    private volatile boolean live;

    public LeaderboardBook(long minVolume) {
        if (minVolume < 0) {
            throw new IllegalArgumentException("minVolume must not be negative");
        }
        this.minVolume = minVolume;
    }

    public long minVolume() {
        return minVolume;
    }

    public boolean isLive() {
        return live;
    }

    public Optional<Unit> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    /** The leaderboard as it stands: prepared when it has data; an all-unranked one computed here when it has none. */
    public Leaderboard get(LeaderboardKey key) {
        Leaderboard board = prepared.get(key);
        if (board != null) {
            return board;
        }
        synchronized (this) {
            board = prepared.get(key);
            return board != null ? board : compute(key);
        }
    }

    public synchronized void putUnit(Unit unit) {
        Objects.requireNonNull(unit.code(), "code");
        Objects.requireNonNull(unit.level(), "level");
        Unit old = units.put(unit.code(), unit);
        if (!unit.equals(old)) {
            catalogueChanged(old, unit);
        }
    }

    public synchronized void removeUnit(String code) {
        Unit old = units.remove(code);
        if (old != null) {
            catalogueChanged(old, null);
        }
    }

    public synchronized void putCounts(String unitCode, Period period, PeriodCounts unitCounts) {
        PeriodCounts old =
                counts.computeIfAbsent(unitCode, c -> new HashMap<>()).put(period, unitCounts);
        if (!unitCounts.equals(old)) {
            forgetTerritories(unitCode, period);
            countsChanged(unitCode, period);
        }
    }

    public synchronized void removeCounts(String unitCode, Period period) {
        Map<Period, PeriodCounts> ofUnit = counts.get(unitCode);
        if (ofUnit != null && ofUnit.remove(period) != null) {
            forgetTerritories(unitCode, period);
            countsChanged(unitCode, period);
        }
    }

    /** Forgets the scored territories that sum a unit's counts of a period; the others keep their values. */
    private void forgetTerritories(String unitCode, Period period) {
        Set<TerritoryKey> summing = territoriesSumming.remove(Map.entry(unitCode, period));
        if (summing != null) {
            summing.forEach(scoredTerritories::remove);
        }
    }

    /** Ends the replay: prepares every leaderboard that has data. Returns them. */
    public synchronized List<Leaderboard> goLive() {
        live = true;
        counts.forEach((unitCode, periods) -> periods.keySet().forEach(period -> countsChanged(unitCode, period)));
        return flush();
    }

    /** Recomputes the leaderboards touched since the last flush; returns those whose content changed. */
    public synchronized List<Leaderboard> flush() {
        marked.clear();
        List<Leaderboard> changed = new ArrayList<>();
        NavigableSet<LeaderboardKey> due = new TreeSet<>(LeaderboardKey.ORDER);
        due.addAll(dirty);
        dirty.clear();
        LeaderboardKey key;
        while ((key = due.pollFirst()) != null) {
            Leaderboard board = compute(key);
            Leaderboard old = prepared.get(key);
            preparedByScope.computeIfAbsent(key.scope(), s -> new HashSet<>()).add(key);
            if (board.equals(old)) {
                // the prepared object stays: readers holding it (and what they derived from it) stay current
                continue;
            }
            prepared.put(key, board);
            changed.add(board);
            LeaderboardKey next = key.next();
            if (prepared.containsKey(next) && (old == null || !ranks(old).equals(ranks(board)))) {
                due.add(next);
            }
        }
        return changed;
    }

    /** Whether changes since the last {@link #flush()} wait for it. */
    public synchronized boolean hasChanges() {
        return !dirty.isEmpty();
    }

    /** How many leaderboards are kept ready. */
    public int preparedCount() {
        return prepared.size();
    }

    private void countsChanged(String unitCode, Period period) {
        Unit unit = units.get(unitCode);
        if (!live || unit == null) {
            return; // prepared at goLive, or when the catalogue names the unit
        }
        if (!marked.add(Map.entry(unitCode, period))) {
            return;
        }
        LocalDate on = lastDay(period);
        if (reorganised()) {
            // an ended unit's counts are its successor's then: they move the successor's leaderboards
            unit = units.getOrDefault(territories().successorOn(unitCode, on), unit);
        }
        for (Scope scope : scopesOf(unit, on)) {
            for (Indicator indicator : Indicator.values()) {
                dirty.add(new LeaderboardKey(scope, period, indicator));
            }
        }
    }

    private void catalogueChanged(Unit old, Unit now) {
        marked.clear(); // the scopes of a unit's leaderboards may change with the catalogue
        members.clear();
        forgetAllTerritories();
        territories = null;
        reorganised = null;
        if (!live) {
            return;
        }
        if (reorganised() || (old != null && old.span().reorganised())) {
            // on a reorganised map the leaderboards a unit reaches differ from period to period (former parents,
            // successors, validity, those of its ancestors too): a catalogue change, rare, recomputes every one
            preparedByScope.values().forEach(dirty::addAll);
            counts.forEach((unitCode, periods) -> periods.keySet().forEach(period -> countsChanged(unitCode, period)));
            return;
        }
        String code = old != null ? old.code() : now.code();
        // the unit and its descendants may leave the scopes of the old ancestors and join those of the new
        Set<String> moved = new LinkedHashSet<>();
        moved.add(code);
        for (Unit unit : units.values()) {
            if (ancestors(unit).contains(code)) {
                moved.add(unit.code());
            }
        }
        Set<String> levels = new HashSet<>();
        Set<String> parents = new HashSet<>();
        parents.add(null);
        for (Unit version : new Unit[] {old, now}) {
            if (version != null) {
                levels.add(version.level());
                parents.addAll(ancestors(version));
            }
        }
        for (String unitCode : moved) {
            Unit unit = units.get(unitCode);
            if (unit != null) {
                levels.add(unit.level());
            }
        }
        preparedByScope.forEach((scope, keys) -> {
            if (levels.contains(scope.level()) && parents.contains(scope.parent())) {
                dirty.addAll(keys);
            }
        });
        for (String unitCode : moved) {
            counts.getOrDefault(unitCode, Map.of()).keySet().forEach(period -> countsChanged(unitCode, period));
        }
    }

    private Leaderboard compute(LeaderboardKey key) {
        return compute(key, ranks(previousOf(key)));
    }

    private Leaderboard previousOf(LeaderboardKey key) {
        LeaderboardKey previous = key.previous();
        Leaderboard board = prepared.get(previous);
        // not prepared: nothing in scope has data then, unless not live yet; the ranks are what matter, not movement
        return board != null ? board : compute(previous, Map.of());
    }

    /**
     * The leaderboard of {@code key} drawn on today's map ({@code boundaries=current}): today's units, each with every
     * predecessor's counts, its movement against the previous period on the same map. Computed at each call.
     */
    public synchronized Leaderboard onTodaysMap(LeaderboardKey key, LocalDate today) {
        return compute(key, ranks(compute(key.previous(), Map.of(), today)), today);
    }

    private Leaderboard compute(LeaderboardKey key, Map<String, Integer> previousRanks) {
        return compute(key, previousRanks, lastDay(key.period()));
    }

    /** @param on the date whose map the units and their territories are drawn on */
    private Leaderboard compute(LeaderboardKey key, Map<String, Integer> previousRanks, LocalDate on) {
        List<Ranking.Candidate> candidates = new ArrayList<>();
        for (Unit unit : members(key.scope(), on)) {
            Scored territory = scored(unit.code(), key.period(), on);
            candidates.add(new Ranking.Candidate(
                    unit.code(),
                    unit.name(),
                    territory.value(key.indicator()),
                    key.indicator().volume(territory.counts)));
        }
        Ranking.Result result = Ranking.rank(candidates, minVolume, previousRanks);
        return new Leaderboard(
                key.level(),
                key.parent(),
                key.period().key(),
                key.indicator(),
                minVolume,
                result.entries(),
                result.unranked());
    }

    private static Map<String, Integer> ranks(Leaderboard board) {
        Map<String, Integer> ranks = new HashMap<>();
        board.entries().forEach(e -> ranks.put(e.unitCode(), e.rank()));
        return ranks;
    }

    /**
     * The counts of the unit's territory on {@code on} (its own, plus those of the units merged into it by then), kept
     * with the indicators' values until the counts or the catalogue change.
     */
    private Scored scored(String code, Period period, LocalDate on) {
        boolean reorganised = reorganised();
        TerritoryKey key =
                new TerritoryKey(code, period, reorganised ? territories().epoch(on) : LocalDate.MIN);
        Scored known = scoredTerritories.get(key);
        if (known != null) {
            return known;
        }
        if (scoredTerritories.size() >= TERRITORIES_KEPT) {
            forgetAllTerritories(); // the running periods' come back at the next recomputation; past ones rarely do
        }
        List<String> territory = reorganised && territories().of(code, on) instanceof Territories.Members members
                ? members.codes()
                : List.of(code);
        PeriodCounts sum = PeriodCounts.ZERO;
        for (String member : territory) {
            sum = sum.plus(counts.getOrDefault(member, Map.of()).getOrDefault(period, PeriodCounts.ZERO));
            territoriesSumming
                    .computeIfAbsent(Map.entry(member, period), m -> new HashSet<>())
                    .add(key);
        }
        Scored scored = new Scored(sum);
        scoredTerritories.put(key, scored);
        return scored;
    }

    private void forgetAllTerritories() {
        scoredTerritories.clear();
        territoriesSumming.clear();
    }

    private List<Unit> members(Scope scope, LocalDate on) {
        boolean reorganised = reorganised();
        // the same units for every date of a stretch between two changes of the map
        Map.Entry<Scope, LocalDate> key =
                Map.entry(scope, reorganised ? territories().epoch(on) : LocalDate.MIN);
        List<Unit> cached = members.get(key);
        if (cached != null) {
            return cached;
        }
        List<Unit> list = units.values().stream()
                .filter(u -> u.level().equals(scope.level()))
                .filter(u -> !reorganised || u.span().existsOn(on))
                .filter(u -> scope.parent() == null || ancestors(u, on).contains(scope.parent()))
                .sorted(Comparator.comparing(Unit::code))
                .toList();
        members.put(key, list);
        return list;
    }

    private List<Scope> scopesOf(Unit unit, LocalDate on) {
        List<Scope> scopes = new ArrayList<>();
        scopes.add(new Scope(unit.level(), null));
        for (String ancestor : ancestors(unit, on)) {
            scopes.add(new Scope(unit.level(), ancestor));
        }
        return scopes;
    }

    /** The codes up the parent chain, nearest first; a parent missing from the catalogue still counts. */
    private List<String> ancestors(Unit unit) {
        return ancestors(unit, null);
    }

    /** The same on {@code on}'s map (null: as the catalogue stands). */
    private List<String> ancestors(Unit unit, LocalDate on) {
        List<String> chain = new ArrayList<>();
        String parent = on == null ? unit.parentCode() : unit.span().parentOn(on);
        while (parent != null && !parent.equals(unit.code()) && !chain.contains(parent) && chain.size() < MAX_DEPTH) {
            chain.add(parent);
            Unit next = units.get(parent);
            parent = next == null
                    ? null
                    : on == null ? next.parentCode() : next.span().parentOn(on);
        }
        return chain;
    }

    private Territories territories() {
        Territories current = territories;
        if (current == null) {
            current = new Territories(units.values().stream().map(Unit::span).toList());
            territories = current;
        }
        return current;
    }

    private boolean reorganised() {
        Boolean known = reorganised;
        if (known == null) {
            known = territories().reorganised();
            reorganised = known;
        }
        return known;
    }

    private static LocalDate lastDay(Period period) {
        return period.end().minusDays(1);
    }
}
