package vn.dossierstats.gateway.access;

/**
 * Whether a bearer token is an administrator's. The Foundation compares with one token from configuration
 * ({@link ConfiguredAdminToken}); issue 6 replaces this bean with JWT verification.
 */
public interface AdminAuthenticator {

    boolean admits(String bearerToken);
}
