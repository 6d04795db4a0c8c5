package vn.dossierstats.gateway.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints compact JWTs for tests, well-formed or deliberately not. */
public final class TestJwts {

    private TestJwts() {}

    /** An HS256 token with these claims (JSON), signed with {@code secret}. */
    public static String hs256(String secret, String claims) {
        return signed(secret, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims);
    }

    public static String signed(String secret, String header, String claims) {
        String input = base64(header) + "." + base64(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "."
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Administrator claims expiring at {@code exp} (epoch seconds). */
    public static String adminClaims(long exp) {
        return "{\"sub\":\"tester\",\"roles\":[\"admin\"],\"exp\":" + exp + "}";
    }

    public static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
