package vn.dossierstats.deploy.chaos;

import java.util.List;

/** The units and the procedure the chaos run's dossiers belong to: a ministry and its three departments. */
final class ChaosCatalogue {

    static final String ROOT = "CHAOS";
    static final List<String> DEPARTMENTS = List.of("CHAOS.1", "CHAOS.2", "CHAOS.3");
    static final List<String> UNITS = List.of(ROOT, "CHAOS.1", "CHAOS.2", "CHAOS.3");
    static final String PROCEDURE = "9.CHAOS";

    private ChaosCatalogue() {}

    /** The units a report of {@code unit} covers: itself and its descendants. */
    static List<String> coveredBy(String unit) {
        return unit.equals(ROOT) ? UNITS : List.of(unit);
    }
}
