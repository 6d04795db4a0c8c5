package vn.dossierstats.gateway.cache;

/**
 * Evaluates {@code If-None-Match} as RFC 9110 (section 13.1.2) says, exactly as ranking- and metrics-service do (their
 * {@code web/EntityTags}; services share no code, so the gateway has its own copy): {@code *}, or a comma-separated
 * list of entity tags, compared weakly (a {@code W/} prefix on either side is ignored). A malformed list matches
 * nothing, so the client gets the full body: never a 304 it did not ask for.
 */
final class EntityTags {

    private EntityTags() {}

    /** Whether a client that sent {@code ifNoneMatch} already holds the representation tagged {@code etag}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String wanted = opaque(etag);
        int i = 0;
        int length = ifNoneMatch.length();
        while (i < length) {
            char c = ifNoneMatch.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
            } else if (c == '*') {
                return true;
            } else {
                if (ifNoneMatch.startsWith("W/", i)) {
                    i += 2;
                }
                if (i >= length || ifNoneMatch.charAt(i) != '"') {
                    return false;
                }
                int end = ifNoneMatch.indexOf('"', i + 1);
                if (end < 0) {
                    return false;
                }
                if (ifNoneMatch.regionMatches(i, wanted, 0, wanted.length()) && end + 1 - i == wanted.length()) {
                    return true;
                }
                i = end + 1;
            }
        }
        return false;
    }

    /** A strong tag: quoted, without {@code W/}, nothing after the closing quote. */
    static boolean strong(String etag) {
        return etag != null && etag.length() >= 2 && etag.charAt(0) == '"' && etag.indexOf('"', 1) == etag.length() - 1;
    }

    /** The quoted part of a tag, without a weakness prefix. */
    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }
}
