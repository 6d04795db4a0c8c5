package vn.dossierstats.unitstats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The territory of a unit on a date: the units whose own figures, summed, are the unit's figures on the map of that
 * date. A dossier counts under the ancestry of its receipt date (docs/events.md, {@code unitPath}), so a unit's own
 * figures hold what was received under it; a unit that existed on the date also answers for the units merged into it
 * or into one of its descendants by then. A merged unit whose former ancestor is already in the territory is not
 * added again: each dossier counts once. (Reorganisations merge a unit only within its parent, or within a parent that
 * merges too, so no dossier of a territory is also counted outside it.)
 */
public final class Territories {

    /** What a unit answers for on a date. */
    public sealed interface Answer permits Members, Ended, NotYet, Unknown {}

    /** The units whose figures sum to the unit's, the unit first. */
    public record Members(List<String> codes) implements Answer {}

    /** The unit had ended by the date; {@code successor} is the unit that answers for it then. */
    public record Ended(String code, LocalDate validTo, String successor) implements Answer {}

    /** The unit did not exist yet on the date. */
    public record NotYet(String code, LocalDate validFrom) implements Answer {}

    public record Unknown(String code) implements Answer {}

    private final Map<String, UnitSpan> units = new HashMap<>();
    private final List<UnitSpan> reorganised = new ArrayList<>();
    /** The dates on which the map changes: a unit starts, a unit's first day after its end, a child moves. */
    private final TreeSet<LocalDate> changes = new TreeSet<>();

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<LocalDate, Map<String, List<String>>> childrenByEpoch = new ConcurrentHashMap<>();

    public Territories(Collection<UnitSpan> spans) {
        for (UnitSpan span : spans) {
            units.put(span.code(), span);
            if (span.reorganised()) {
                reorganised.add(span);
                if (span.validFrom() != null) {
                    changes.add(span.validFrom());
                }
                if (span.validTo() != null) {
                    changes.add(span.validTo().plusDays(1));
                }
                span.formerParents().forEach(former -> changes.add(former.until()));
            }
        }
    }

    /** Whether any unit was ever reorganised: else every date has the same map, the catalogue as it stands. */
    public boolean reorganised() {
        return !reorganised.isEmpty();
    }

    /**
     * The first day of the stretch of dates whose map is that of {@code on} ({@link LocalDate#MIN} before the first
     * change): every date of a stretch has the same units, parents and territories, so answers are kept per stretch.
     */
    public LocalDate epoch(LocalDate on) {
        LocalDate change = changes.floor(on);
        return change == null ? LocalDate.MIN : change;
    }

    public Answer of(String code, LocalDate on) {
        return answers.computeIfAbsent(code + '|' + epoch(on), key -> compute(code, on));
    }

    /** The units whose parent on {@code on} is {@code code} and that exist then, ordered by code. */
    public List<String> childrenOn(String code, LocalDate on) {
        List<String> children = new ArrayList<>();
        for (UnitSpan unit : units.values()) {
            if (unit.existsOn(on) && code.equals(unit.parentOn(on))) {
                children.add(unit.code());
            }
        }
        children.sort(String::compareTo);
        return children;
    }

    /** The unit and every unit below it on {@code on}, the unit first (the tree of the date's epoch is kept). */
    public List<String> subtreeOn(String code, LocalDate on) {
        Map<String, List<String>> children = childrenByEpoch.computeIfAbsent(epoch(on), epoch -> {
            Map<String, List<String>> tree = new HashMap<>();
            for (UnitSpan unit : units.values()) {
                String parent = unit.existsOn(on) ? unit.parentOn(on) : null;
                if (parent != null) {
                    tree.computeIfAbsent(parent, p -> new ArrayList<>()).add(unit.code());
                }
            }
            return tree;
        });
        List<String> subtree = new ArrayList<>();
        subtree.add(code);
        for (int i = 0; i < subtree.size() && i < units.size() + 1; i++) {
            subtree.addAll(children.getOrDefault(subtree.get(i), List.of()));
        }
        return subtree;
    }

    /** The unit that answers for {@code code} on {@code on}: itself, or its successor (transitively). */
    public String successorOn(String code, LocalDate on) {
        String at = code;
        for (int hops = 0; hops < 64; hops++) {
            UnitSpan unit = units.get(at);
            if (unit == null || !unit.endedBy(on) || unit.successor() == null) {
                return at;
            }
            at = unit.successor();
        }
        return at;
    }

    private Answer compute(String code, LocalDate on) {
        UnitSpan unit = units.get(code);
        if (unit == null) {
            return new Unknown(code);
        }
        if (unit.endedBy(on)) {
            return new Ended(code, unit.validTo(), successorOn(code, on));
        }
        if (!unit.existsOn(on)) {
            return new NotYet(code, unit.validFrom());
        }
        if (reorganised.isEmpty()) {
            return new Members(List.of(code));
        }
        List<UnitSpan> candidates = new ArrayList<>();
        for (UnitSpan ended : reorganised) {
            if (ended.endedBy(on) && within(successorOn(ended.code(), on), code, on)) {
                candidates.add(ended);
            }
        }
        Set<String> candidateCodes = new HashSet<>();
        candidates.forEach(c -> candidateCodes.add(c.code()));
        List<String> members = new ArrayList<>(List.of(code));
        for (UnitSpan candidate : candidates) {
            if (!covered(candidate, code, candidateCodes, on)) {
                members.add(candidate.code());
            }
        }
        members.subList(1, members.size()).sort(String::compareTo);
        return new Members(List.copyOf(members));
    }

    /** Whether {@code code} is {@code root} or lies under it on {@code on}. */
    private boolean within(String code, String root, LocalDate on) {
        String at = code;
        for (int depth = 0; at != null && depth < 64; depth++) {
            if (at.equals(root)) {
                return true;
            }
            UnitSpan unit = units.get(at);
            at = unit == null ? null : unit.parentOn(on);
        }
        return false;
    }

    /** Whether a merged unit's dossiers are already counted: one of its ancestors, ever, is in the territory. */
    private boolean covered(UnitSpan merged, String root, Set<String> candidates, LocalDate on) {
        Set<String> parents = new HashSet<>();
        if (merged.parentCode() != null) {
            parents.add(merged.parentCode());
        }
        merged.formerParents().forEach(former -> {
            if (former.parentCode() != null) {
                parents.add(former.parentCode());
            }
        });
        for (String parent : parents) {
            String at = parent;
            for (int depth = 0; at != null && depth < 64; depth++) {
                if (candidates.contains(at) || within(at, root, on)) {
                    return true;
                }
                UnitSpan ancestor = units.get(at);
                at = ancestor == null ? null : ancestor.parentCode();
            }
        }
        return false;
    }
}
