package vn.dossierstats.metrics.csv;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Which representation of a statistics answer a caller asks for: {@code ?format=csv|json} wins (a link in a page, a
 * spreadsheet's "from web" cannot set headers), else the first of {@code text/csv} and JSON in the caller's
 * {@code Accept} by quality; JSON by default.
 */
enum Representation {
    JSON,
    CSV;

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    static Representation of(String format, String accept) {
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> throw new IllegalArgumentException("must be csv or json");
            };
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException unreadable) {
            return JSON; // the controller answers an unreadable Accept as it always did
        }
        // by quality, stably: among equal qualities the caller's order decides
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.equalsTypeAndSubtype(TEXT_CSV)) {
                return CSV;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return JSON;
            }
        }
        return JSON;
    }
}
