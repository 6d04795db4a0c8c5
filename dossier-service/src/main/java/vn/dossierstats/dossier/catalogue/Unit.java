package vn.dossierstats.dossier.catalogue;

/** An administrative unit; also the UnitRecord published on catalogue.units.v1. */
public record Unit(String code, String name, Level level, String parentCode) {

    public enum Level {
        PROVINCE,
        COMMUNE,
        DEPARTMENT,
        MINISTRY,
        DISTRICT
    }
}
