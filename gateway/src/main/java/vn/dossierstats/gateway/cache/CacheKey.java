package vn.dossierstats.gateway.cache;

import java.util.Arrays;
import java.util.Comparator;

/**
 * What identifies a stored answer: the raw path, the query with its parameters in a canonical order, and the one
 * request header that the services' answers depend on. Only GETs are stored, so the method is not part of it.
 *
 * <p>{@code Accept}: both services declare {@code produces = application/json}, so a request that accepts no JSON gets
 * 406 from them; an answer stored for one {@code Accept} is not given to another. {@code Accept-Language} is not part
 * of the key: no answer of ranking- or metrics-service depends on the language (their {@code LanguageHeaderFilter}
 * only reads it so that an unreadable one is a 400) and neither sends {@code Vary}; a service that starts to vary on
 * something else must say so in {@code Vary}, and such an answer is not stored ({@link Cacheability#storable}).
 *
 * @param path the raw (still percent-encoded) path
 * @param query {@link #normalisedQuery(String)} of the raw query, empty without one
 * @param accept the {@code Accept} header as sent, empty without one
 */
record CacheKey(String path, String query, String accept) {

    private static final Comparator<String> BY_NAME = Comparator.comparing(CacheKey::name);

    static CacheKey of(String rawPath, String rawQuery, String accept) {
        return new CacheKey(rawPath, normalisedQuery(rawQuery), accept == null ? "" : accept.strip());
    }

    /**
     * The same parameters in the same canonical form whatever order the caller wrote them in: empty pairs dropped
     * (Tomcat ignores them) and the pairs sorted by name, stably, so that repeated names keep their order (a service's
     * {@code @RequestParam} takes the first). Names and values stay encoded as sent: two spellings of one value are two
     * entries, never one entry for two different values. If a name is itself encoded ({@code %} or {@code +}), two
     * names that differ here may be one parameter at the service, whose first value then depends on the order: such a
     * query keeps its order.
     */
    static String normalisedQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        if (canonical(rawQuery)) {
            return rawQuery; // the common case (a dashboard sends the same URL every time): no allocation
        }
        String[] pairs = Arrays.stream(rawQuery.split("&"))
                .filter(pair -> !pair.isEmpty())
                .toArray(String[]::new);
        boolean plainNames = Arrays.stream(pairs).map(CacheKey::name).noneMatch(CacheKey::encoded);
        if (plainNames) {
            Arrays.sort(pairs, BY_NAME); // a stable sort (TimSort on objects)
        }
        return String.join("&", pairs);
    }

    /** No empty pair, names plain and in non-decreasing order: already the canonical form. */
    private static boolean canonical(String query) {
        String previous = null;
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            if (end == start) {
                return false;
            }
            String name = name(query.substring(start, end));
            if (encoded(name) || (previous != null && previous.compareTo(name) > 0)) {
                return false;
            }
            previous = name;
            start = end + 1;
        }
        return true;
    }

    private static String name(String pair) {
        int equals = pair.indexOf('=');
        return equals < 0 ? pair : pair.substring(0, equals);
    }

    private static boolean encoded(String name) {
        return name.indexOf('%') >= 0 || name.indexOf('+') >= 0;
    }
}
