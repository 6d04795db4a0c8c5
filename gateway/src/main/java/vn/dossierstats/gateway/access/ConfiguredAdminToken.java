package vn.dossierstats.gateway.access;

/** The administrator token from configuration, kept as a hash and compared in constant time; blank admits nobody. */
final class ConfiguredAdminToken implements AdminAuthenticator {

    private final byte[] expected;

    ConfiguredAdminToken(String token) {
        this.expected = token == null || token.isBlank() ? null : Hashes.sha256(token);
    }

    @Override
    public boolean admits(String bearerToken) {
        if (expected == null
                || bearerToken == null
                || bearerToken.isEmpty()
                || bearerToken.length() > Hashes.MAX_SECRET_LENGTH) {
            return false;
        }
        return Hashes.same(expected, Hashes.sha256(bearerToken));
    }
}
