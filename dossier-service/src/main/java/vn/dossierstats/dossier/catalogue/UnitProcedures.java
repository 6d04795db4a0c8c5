package vn.dossierstats.dossier.catalogue;

import java.util.List;

/**
 * The procedures a unit handles, assigned by an administrator: DVCQG's "procedures in scope" of the national index.
 * Also the UnitProceduresRecord published on catalogue.unit-procedures.v1 (the whole list, keyed by unit code).
 */
public record UnitProcedures(String unitCode, List<String> procedures) {}
