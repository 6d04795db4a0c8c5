package vn.dossierstats.gateway.access;

import java.security.MessageDigest;

/** Checks the administrator's bearer token in constant time. A missing configured token admits nobody. */
public final class AdminToken {

    private final byte[] expected;

    public AdminToken(String token) {
        this.expected = token == null || token.isBlank() ? null : SourceKeys.sha256(token);
    }

    public boolean admits(String authorization) {
        if (expected == null || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String token = authorization.substring("Bearer ".length()).trim();
        return !token.isEmpty() && token.length() <= 4096 && MessageDigest.isEqual(expected, SourceKeys.sha256(token));
    }
}
