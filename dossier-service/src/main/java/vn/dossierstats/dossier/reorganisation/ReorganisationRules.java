package vn.dossierstats.dossier.reorganisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.dossierstats.dossier.catalogue.Unit;

/**
 * Whether a reorganisation can apply to the catalogue as it stands, and what it changes. Merges only: a unit's
 * dossiers go to one successor. A split would need a rule for which dossiers go where, which the events do not carry,
 * so a unit in the {@code from} of two merges is refused.
 */
public final class ReorganisationRules {

    private ReorganisationRules() {}

    /** Why the reorganisation cannot apply (each problem names the merge and the unit), or nothing. */
    /** What is wrong, and with which field of the request. */
    public record Problem(String field, String reason) {}

    public static List<Problem> problems(Reorganisation reorganisation, Map<String, Unit> units) {
        List<Problem> problems = new ArrayList<>();
        LocalDate effective = reorganisation.effective();
        Map<String, Integer> mergeOfFrom = new HashMap<>();
        Map<String, Integer> mergeOfInto = new HashMap<>();
        List<Reorganisation.Merge> merges = reorganisation.merges();
        for (int i = 0; i < merges.size(); i++) {
            Reorganisation.Merge merge = merges.get(i);
            String where = "merges[" + i + "]";
            Unit into = units.get(merge.into());
            if (into == null) {
                problems.add(new Problem(
                        where + ".into",
                        "unknown unit " + merge.into() + " (create it first with PUT /api/v1/units/" + merge.into()
                                + ")"));
            } else if (into.validTo() != null) {
                problems.add(new Problem(
                        where + ".into",
                        into.code() + " ended on " + into.validTo()
                                + (into.successor() != null ? " (merged into " + into.successor() + ")" : "")));
            } else if (into.validFrom() != null && effective.isBefore(into.validFrom())) {
                problems.add(new Problem(
                        where + ".into", into.code() + " starts on " + into.validFrom() + ", after " + effective));
            }
            Integer earlierInto = mergeOfInto.putIfAbsent(merge.into(), i);
            if (earlierInto != null) {
                problems.add(new Problem(
                        where + ".into",
                        merge.into() + " is also the into of merges[" + earlierInto
                                + "]; list its units in one merge"));
            }
            Set<String> listed = new HashSet<>();
            for (String code : merge.from()) {
                if (!listed.add(code)) {
                    problems.add(new Problem(where + ".from", code + " is listed twice (a unit is merged once)"));
                    continue;
                }
                if (code.equals(merge.into())) {
                    continue; // the successor continues
                }
                Unit unit = units.get(code);
                if (unit == null) {
                    problems.add(new Problem(where + ".from", "unknown unit " + code));
                    continue;
                }
                Integer other = mergeOfFrom.putIfAbsent(code, i);
                if (other != null) {
                    problems.add(
                            new Problem(
                                    where + ".from",
                                    code + " is also merged by merges[" + other
                                            + "]: a split, which is not supported (the events do not say which dossiers go where)"));
                }
                if (unit.validTo() != null) {
                    problems.add(new Problem(
                            where + ".from",
                            code + " was merged already: it ended on " + unit.validTo()
                                    + (unit.successor() != null ? " into " + unit.successor() : "")));
                }
                if (unit.validFrom() != null && !effective.isAfter(unit.validFrom())) {
                    problems.add(new Problem(
                            where + ".from", code + " starts on " + unit.validFrom() + ": it cannot end before"));
                }
            }
        }
        if (problems.isEmpty()) {
            for (int i = 0; i < merges.size(); i++) {
                Reorganisation.Merge merge = merges.get(i);
                String parent = parentAfter(units.get(merge.into()), reorganisation, units);
                for (String code : merge.from()) {
                    String from = parentAfter(units.get(code), reorganisation, units);
                    if (!Objects.equals(parent, from)) {
                        // its earlier dossiers would count under its old parent and the new one's both
                        problems.add(new Problem(
                                "merges[" + i + "].from",
                                code + " lies under " + units.get(code).parentCode() + ", " + merge.into()
                                        + " under " + units.get(merge.into()).parentCode()
                                        + ": a unit merges within its parent, or its parent merges too"));
                    }
                }
            }
        }
        for (int i = 0; i < merges.size(); i++) {
            String into = merges.get(i).into();
            Integer ending = mergeOfFrom.get(into);
            if (ending != null) {
                problems.add(new Problem(
                        "merges[" + i + "].into",
                        into + " itself ends in merges[" + ending + "] (into "
                                + merges.get(ending).into() + "): a cycle"));
                continue;
            }
            // a unit merged into its own descendant would become its own ancestor
            for (String ancestor : ancestors(into, units)) {
                if (mergeOfFrom.containsKey(ancestor)) {
                    problems.add(new Problem(
                            "merges[" + i + "].into",
                            into + " lies under " + ancestor + ", which merges into it: a cycle"));
                }
            }
        }
        return problems;
    }

    /** What a reorganisation without {@link #problems} changes. */
    public static ReorganisationPlan plan(Reorganisation reorganisation, Map<String, Unit> units) {
        Map<String, String> successors = new LinkedHashMap<>();
        List<String> started = new ArrayList<>();
        for (Reorganisation.Merge merge : reorganisation.merges()) {
            merge.from().stream()
                    .filter(code -> !code.equals(merge.into()))
                    .forEach(code -> successors.put(code, merge.into()));
            Unit into = units.get(merge.into());
            if (!merge.from().contains(merge.into()) && into.validFrom() == null) {
                started.add(merge.into()); // not among the merged: a new unit, which starts on the date
            }
        }
        List<ReorganisationPlan.Moved> moved = new ArrayList<>();
        units.values().stream()
                .filter(unit -> unit.parentCode() != null && successors.containsKey(unit.parentCode()))
                .filter(unit -> !successors.containsKey(unit.code()) && unit.validTo() == null)
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .forEach(child -> moved.add(new ReorganisationPlan.Moved(
                        child.code(), child.parentCode(), successors.get(child.parentCode()))));
        return new ReorganisationPlan(
                reorganisation.effective(),
                successors.entrySet().stream()
                        .map(e -> new ReorganisationPlan.Ended(e.getKey(), e.getValue()))
                        .toList(),
                started,
                moved);
    }

    /** The unit's parent once the reorganisation applies: its parent, or the successor of a parent that merges. */
    private static String parentAfter(Unit unit, Reorganisation reorganisation, Map<String, Unit> units) {
        String parent = unit.parentCode();
        for (Reorganisation.Merge merge : reorganisation.merges()) {
            if (parent != null && !parent.equals(merge.into()) && merge.from().contains(parent)) {
                return merge.into();
            }
        }
        return parent;
    }

    private static List<String> ancestors(String code, Map<String, Unit> units) {
        List<String> ancestors = new ArrayList<>();
        Unit unit = units.get(code);
        while (unit != null && unit.parentCode() != null && ancestors.size() < 32) {
            ancestors.add(unit.parentCode());
            unit = units.get(unit.parentCode());
        }
        return ancestors;
    }
}
