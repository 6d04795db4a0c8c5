package vn.dossierstats.dossier.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.web.ApiProblem.FieldError;

/**
 * Reads the fields of a JSON object one by one and collects every problem with its field name, so that a client
 * learns all that is wrong with a request at once. Types are checked strictly: "3" is not a number.
 */
public final class JsonFields {

    /** Codes of units, procedures and dossiers: no spaces, slashes or control characters. */
    public static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._:-]+");

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private JsonFields(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /** Parses a request body that must be a JSON object. */
    public static JsonFields parse(JsonMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.invalid("body", "a JSON object is required");
        }
        JsonNode node;
        try {
            // {"type":"RECEIVED",...,"type":"REFUSED"} would otherwise mean whatever came last
            node = json.reader()
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .readTree(body);
        } catch (JacksonException e) {
            // the parser's own message names its classes and features: only where it stopped is told
            throw ApiProblem.invalid("body", "malformed JSON" + where(e.getLocation()));
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object");
        }
        return of(node, "");
    }

    public static JsonFields of(JsonNode node, String prefix) {
        JsonFields fields = new JsonFields(node, prefix, new ArrayList<>());
        if (node == null || !node.isObject()) {
            fields.error("", "must be a JSON object");
        }
        return fields;
    }

    public JsonFields nested(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return new JsonFields(null, prefix + name + ".", errors);
        }
        if (!value.isObject()) {
            error(name, "must be a JSON object");
            return new JsonFields(null, prefix + name + ".", errors);
        }
        return new JsonFields(value, prefix + name + ".", errors);
    }

    public JsonNode node() {
        return node;
    }

    public boolean has(String name) {
        return value(name) != null;
    }

    public String text(String name, boolean required, int maxLength) {
        JsonNode value = value(name);
        if (value == null) {
            return missing(name, required);
        }
        if (!value.isString()) {
            return wrong(name, "must be a string");
        }
        String text = value.asString();
        if (text.isBlank()) {
            return wrong(name, "must not be blank");
        }
        if (text.length() > maxLength) {
            return wrong(name, "must be at most " + maxLength + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return wrong(name, "must not contain control characters");
        }
        if (hasUnpairedSurrogate(text)) {
            // an escaped lone surrogate (\ud800) cannot be stored as UTF-8: two different ids would become one
            return wrong(name, "must be valid Unicode text");
        }
        return text;
    }

    public String code(String name, boolean required, int maxLength) {
        String text = text(name, required, maxLength);
        if (text != null && !CODE.matcher(text).matches()) {
            return wrong(name, "may contain only letters, digits, '.', '_', ':' and '-'");
        }
        return text;
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
        JsonNode value = value(name);
        if (value == null) {
            return missing(name, required);
        }
        String allowed = String.join(
                "|", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        if (!value.isString()) {
            return wrong(name, "must be one of " + allowed);
        }
        try {
            return Enum.valueOf(type, value.asString());
        } catch (IllegalArgumentException e) {
            return wrong(name, "must be one of " + allowed);
        }
    }

    /** An ISO-8601 instant with an offset, such as 2026-07-01T08:30:00+07:00. */
    public Instant instant(String name, boolean required) {
        JsonNode value = value(name);
        if (value == null) {
            return missing(name, required);
        }
        if (!value.isString()) {
            return wrong(name, "must be an ISO-8601 date-time with offset");
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.asString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (time.getYear() < 1990 || time.getYear() > 2999) {
                return wrong(name, "must be between the years 1990 and 2999");
            }
            return time.toInstant();
        } catch (DateTimeParseException e) {
            return wrong(name, "must be an ISO-8601 date-time with offset, e.g. 2026-07-01T08:30:00+07:00");
        }
    }

    public LocalTime time(String name, boolean required) {
        JsonNode value = value(name);
        if (value == null) {
            return missing(name, required);
        }
        if (!value.isString()) {
            return wrong(name, "must be a local time HH:mm");
        }
        try {
            return LocalTime.parse(value.asString(), DateTimeFormatter.ofPattern("HH:mm"));
        } catch (DateTimeException e) {
            return wrong(name, "must be a local time HH:mm, e.g. 15:00");
        }
    }

    public Boolean bool(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            return wrong(name, "must be true or false");
        }
        return value.asBoolean();
    }

    public Integer positiveInt(String name, boolean required, int max) {
        JsonNode value = value(name);
        if (value == null) {
            return missing(name, required);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1 || value.asInt() > max) {
            return wrong(name, "must be an integer from 1 to " + max);
        }
        return value.asInt();
    }

    public void error(String name, String message) {
        String field = (prefix + name).replaceAll("\\.$", "");
        errors.add(new FieldError(field.isEmpty() ? "body" : field, message));
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws the collected problems as one 400. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private JsonNode value(String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private <T> T missing(String name, boolean required) {
        if (required) {
            error(name, "is required");
        }
        return null;
    }

    private <T> T wrong(String name, String message) {
        error(name, message);
        return null;
    }
}
