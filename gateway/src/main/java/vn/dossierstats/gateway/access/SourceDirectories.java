package vn.dossierstats.gateway.access;

import java.util.Optional;

/**
 * The managed sources first, then the configured bootstrap ones. Both are always asked, so that the time an answer
 * takes does not tell which kind of key (or whether any) was sent.
 */
final class SourceDirectories implements SourceDirectory {

    private final SourceDirectory managed;
    private final SourceDirectory configured;

    SourceDirectories(SourceDirectory managed, SourceDirectory configured) {
        this.managed = managed;
        this.configured = configured;
    }

    @Override
    public Optional<SourceIdentity> authenticate(String key) {
        Optional<SourceIdentity> fromManaged = managed.authenticate(key);
        Optional<SourceIdentity> fromConfigured = configured.authenticate(key);
        return fromManaged.isPresent() ? fromManaged : fromConfigured;
    }

    @Override
    public boolean current() {
        return managed.current() && configured.current();
    }
}
