package vn.dossierstats.gateway.access;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Administrators' bearer tokens: compact JWTs signed with HS256 and a key from configuration
 * ({@code GATEWAY_ADMIN_JWT_SECRET}). A token is admitted only if its header says exactly {@code HS256} (no "none",
 * no algorithm chosen by the token), its signature matches (constant-time comparison), its {@code exp} (required) is in
 * the future, its {@code nbf} (optional) in the past, and its {@code roles} array holds the administrator role.
 *
 * <p>Written out here rather than taken from a JOSE library: HS256 with these few claims is small enough to read whole,
 * and the gateway then has no algorithm negotiation that could be turned against it.
 */
final class AdminJwt implements AdminAuthenticator {

    /** Shorter HMAC keys are refused at start: RFC 7518 asks for at least the hash size. */
    static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String role;
    private final Clock clock;
    private final JsonMapper json;

    /** @param secret blank: nobody is admitted */
    AdminJwt(String secret, String role, Clock clock, JsonMapper json) {
        if (secret == null || secret.isBlank()) {
            this.key = null;
        } else {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(
                        "gateway.admin.jwt-secret must be at least " + MIN_SECRET_BYTES + " bytes");
            }
            this.key = new SecretKeySpec(bytes, ALGORITHM);
        }
        this.role = role;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public boolean admits(String token) {
        if (key == null || token == null || token.length() > Hashes.MAX_SECRET_LENGTH) {
            return false;
        }
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == token.length() - 1 || token.indexOf('.', second + 1) >= 0) {
            return false;
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(second + 1));
            byte[] expected = sign(token.substring(0, second));
            if (!MessageDigest.isEqual(expected, signature)) {
                return false;
            }
            JsonNode header = json.readTree(Base64.getUrlDecoder().decode(token.substring(0, first)));
            if (!header.isObject() || !"HS256".equals(header.path("alg").asString(null))) {
                return false;
            }
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(token.substring(first + 1, second)));
            return claims.isObject() && inTime(claims) && hasRole(claims);
        } catch (IllegalArgumentException | JacksonException e) {
            return false; // not base64url or not JSON: not a token of ours
        }
    }

    private boolean inTime(JsonNode claims) {
        long now = clock.instant().getEpochSecond();
        JsonNode exp = claims.get("exp");
        if (exp == null || !exp.isNumber() || exp.asLong() <= now) {
            return false;
        }
        JsonNode nbf = claims.get("nbf");
        return nbf == null || (nbf.isNumber() && nbf.asLong() <= now);
    }

    private boolean hasRole(JsonNode claims) {
        JsonNode roles = claims.get("roles");
        if (roles == null || !roles.isArray()) {
            return false;
        }
        for (JsonNode value : roles) {
            if (value.isString() && value.asString().equals(role)) {
                return true;
            }
        }
        return false;
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
