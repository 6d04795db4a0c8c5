package vn.dossierstats.gateway.access;

import java.util.Optional;

/**
 * Who holds a key. The Foundation reads the sources from configuration ({@link ConfiguredSources}); source management
 * (issue 6) replaces this bean with a store that can rotate and revoke keys at run time.
 */
public interface SourceDirectory {

    /** The source system of {@code key}; empty for a missing, unknown or wrong key alike. */
    Optional<SourceIdentity> authenticate(String key);

    /**
     * Whether every key can be checked now: false while what the directory knows may be out of date (the managed keys'
     * feed has not answered for too long), when a key it refuses may be a good one it cannot confirm.
     */
    default boolean current() {
        return true;
    }
}
