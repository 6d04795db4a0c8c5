package vn.dossierstats.dossier.source;

import java.util.Collection;
import java.util.List;

/**
 * Whether a source may write for a unit: one of its scopes is {@code *}, the unit itself, or one of the unit's
 * ancestors in the catalogue (a scope covers the unit and all its descendants).
 */
public final class ScopeRule {

    public static final String ALL = "*";

    private ScopeRule() {}

    /**
     * @param scopes the source's scopes
     * @param unitPath the unit's ancestry, root first, ending with the unit itself; empty for an unknown unit (then
     *     only {@code *} covers it)
     */
    public static boolean covers(Collection<String> scopes, List<String> unitPath) {
        if (scopes.contains(ALL)) {
            return true;
        }
        for (String code : unitPath) {
            if (scopes.contains(code)) {
                return true;
            }
        }
        return false;
    }
}
