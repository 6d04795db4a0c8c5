package vn.dossierstats.gateway.access;

/**
 * Whether a bearer token is an administrator's: an HS256 JWT with the administrator role ({@link AdminJwt}).
 */
public interface AdminAuthenticator {

    boolean admits(String bearerToken);
}
