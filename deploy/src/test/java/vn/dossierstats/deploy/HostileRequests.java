package vn.dossierstats.deploy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Malformed requests a hostile or broken client sends to the public API: hand-picked cases plus a seeded random
 * stream of mutations of a valid event, of the query strings of every read of the API document and of the headers
 * every route reads. Every write is garbage by construction (at least one defect the API must refuse), so none may be
 * accepted; a query that is not percent-encoded UTF-8 must be refused; other reads may be answered or refused, never
 * with a failure.
 */
final class HostileRequests {

    /** What the platform must do with a probe. */
    enum Expect {
        /** a write that must change nothing: 4xx, or a batch answered 200 with nothing accepted */
        REFUSED_WRITE,
        /** a read with nonsense parameters: 4xx */
        REFUSED_READ,
        /** a read that may be answered (2xx) or refused (4xx) */
        ANY_READ
    }

    record Probe(String label, String method, String path, Map<String, String> headers, byte[] body, Expect expect) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return label + ": " + method + " " + abbreviate(path) + " " + headers + " "
                    + (body == null ? "" : "(" + body.length + " bytes) " + shown);
        }

        private static String abbreviate(String text) {
            return text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + " chars)";
        }
    }

    static final int MAX_BODY = 1024 * 1024;
    private static final String[] REQUIRED = {"eventId", "type", "dossierId", "occurredAt"};
    private static final String[] RECEIPT = {"unitCode", "procedureCode", "channel"};
    private static final String[] CODE_FIELDS = {"dossierId", "unitCode", "procedureCode"};
    private static final String[] DATE_FIELDS = {"occurredAt", "dueAt"};
    /** Characters a code may not contain; each hides or disguises what an id is. */
    private static final String[] UNICODE_TRICKS = {
        "\u0000",
        "\u202E",
        "\u0301",
        "\uD800",
        "\uDC00",
        "\uD83D\uDCA9",
        "\u200B",
        "\uFEFF",
        "\u2028",
        " ",
        "/",
        "\\",
        "<script>",
        "%2F",
        "'; DROP TABLE dossier_event; --",
        "\u0007",
        "\r\n"
    };

    private static final String[] ABSURD_DATES = {
        "0000-01-01T00:00:00+07:00",
        "+99999-01-01T00:00:00+07:00",
        "2026-01-01T08:00:00+25:00",
        "2026-02-30T08:00:00+07:00",
        "2026-13-01T08:00:00+07:00",
        "2026-07-01T24:00:00+07:00",
        "2026-07-01",
        "2026-07-01T08:30:00",
        "2026-07-01 08:30:00+07:00",
        "1969-12-31T23:59:59Z",
        "9999-12-31T23:59:59+07:00",
        "yesterday",
        "",
        "2026-07-01T08:30:00+07:00[Asia/Ho_Chi_Minh]",
        "-2026-07-01T08:30:00+07:00",
        "2026-W27-3T08:30:00+07:00",
        "2026-07-01T08:30:00.0000000000001+07:00"
    };
    private static final String[] UNKNOWN_ENUMS = {
        "RECIEVED", "received", "Received", " RECEIVED", "RECEIVED ", "DELETED", "", "null", "0", "RECEIVED\u0000"
    };
    private static final String[] WRONG_TYPED = {
        "null", "42", "-1", "1e309", "3.14", "true", "false", "[]", "[\"x\"]", "{}", "{\"a\":1}", "[[[[[[[[]]]]]]]]"
    };

    /** Escapes whose bytes are not UTF-8: the gateway refuses them wherever they are in a query. */
    private static final String[] NOT_UTF8 = {
        "%FF", // never UTF-8
        "%FE%FF", // a byte-order mark in UTF-16
        "%C0%AE", // an overlong '.'
        "%E0%80%AF", // an overlong '/'
        "%C0%80", // an overlong NUL
        "%ED%A0%80", // an encoded surrogate
        "%ED%BF%BF", // another
        "%F4%90%80%80", // beyond U+10FFFF
        "%E1%BA", // a sequence cut short
        "%80", // a continuation byte alone
        "2026-07%FF"
    };
    /** Escapes that are not escapes: no URI class lets them through, so they go out as raw bytes. */
    private static final String[] BROKEN_ESCAPES = {"%", "%E", "%ZZ", "%4", "%G0", "2026-07%", "%%41"};
    /** Legal in a query, if odd: each must be answered or refused, never fail. */
    private static final String[] ODD_BUT_UTF8 = {
        "%00",
        "%F0%9F%92%A9",
        "%E2%80%AE",
        "%EF%BB%BF",
        "Nh%E1%BA%ADn",
        "%0D%0A",
        "%25",
        "%26%3D",
        "+",
        "%2B07:00",
        "%20%20",
        "%7B%7D",
        "..%2F..",
        "'%3B--"
    };

    private static final String[] HOSTILE_ACCEPT = {
        "application/xml",
        "text/html",
        "text/event-stream",
        "image/png",
        "application/problem+json",
        "application/json;q=0",
        "*/*;q=abc",
        "garbage",
        "a/b/c",
        "*/json",
        "",
        ";;;",
        "application/json, */*;q=2",
        "application/json;charset=UTF-16",
        "text/*, " + "x/y;q=0.1, ".repeat(200) + "*/*"
    };
    private static final String[] HOSTILE_ACCEPT_LANGUAGE = {
        "vi-VN,vi;q=0.9,en;q=0.8",
        "xx-YYYY-zzzzzzzzzzzzzz",
        "*;q=oops",
        "en;q=1.5",
        "",
        ";;;,,,",
        "vi-VN\u00ff",
        "a,".repeat(500),
        "i-klingon, x-pig-latin, en-GB-oed"
    };
    private static final String[] HOSTILE_IF_NONE_MATCH = {
        "*", "\"abc\"", "W/\"x\"", "garbage", "\"unterminated", "", "\"a\", W/\"b\", *", "\"" + "e".repeat(2000) + "\""
    };
    private static final String[] HOSTILE_RANGE = {
        "bytes=0-0",
        "bytes=abc",
        "bytes=-1",
        "bytes=5-1",
        "bytes=9999999999999999999-",
        "items=0-9",
        "",
        "bytes=" + "0-1,".repeat(300) + "2-3",
        "bytes=0-"
    };

    private final Random random;
    private final String unit;
    private final String procedure;
    private final Map<String, String> sourceHeaders;
    private int sequence;

    HostileRequests(long seed, String unit, String procedure, String sourceKey) {
        this.random = new Random(seed);
        this.unit = unit;
        this.procedure = procedure;
        this.sourceHeaders = Map.of("Content-Type", "application/json", "X-Api-Key", sourceKey);
    }

    /** The hand-picked cases, then random ones up to {@code total}. */
    List<Probe> generate(int total) {
        List<Probe> probes = new ArrayList<>(handPicked());
        List<Supplier<Probe>> generators = List.of(
                this::truncated,
                this::truncated,
                this::wrongType,
                this::wrongType,
                this::missingField,
                this::hugeString,
                this::unicodeTrick,
                this::unicodeTrick,
                this::absurdDate,
                this::absurdDate,
                this::unknownEnum,
                this::notAnObject,
                this::mixedBatch,
                this::wrongContentType,
                this::validButDisguised,
                this::hostileRead,
                this::hostileRead,
                this::hostileRead,
                this::hostileRead,
                this::hostileQuery,
                this::hostileQuery,
                this::hostileQuery,
                this::hostileHeaders,
                this::hostileHeaders);
        while (probes.size() < total) {
            probes.add(generators.get(random.nextInt(generators.size())).get());
        }
        return probes;
    }

    // ---------------------------------------------------------------- the valid event every mutation starts from

    private Map<String, String> validEvent() {
        int n = ++sequence;
        Instant now = Instant.now();
        Map<String, String> event = new LinkedHashMap<>();
        event.put("eventId", json("hostile-" + n));
        event.put("type", json("RECEIVED"));
        event.put("dossierId", json("HX-" + n));
        event.put("occurredAt", json(local(now.minusSeconds(3600))));
        event.put("unitCode", json(unit));
        event.put("procedureCode", json(procedure));
        event.put("channel", json("ONLINE"));
        event.put("dueAt", json(local(now.plusSeconds(3 * 86400))));
        event.put("digitized", "true");
        event.put("feeRequired", "false");
        return event;
    }

    private static String render(Map<String, String> event) {
        StringBuilder out = new StringBuilder("{");
        event.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(json(name)).append(':').append(value);
        });
        return out.append('}').toString();
    }

    // ---------------------------------------------------------------- random mutations (each one breaks the event)

    private Probe truncated() {
        String whole = random.nextBoolean()
                ? render(validEvent())
                : "{\"events\":[" + render(validEvent()) + "," + render(validEvent()) + "]}";
        String cut = whole.substring(0, 1 + random.nextInt(whole.length() - 1));
        return write("truncated JSON", whole.startsWith("{\"events\"") ? batchPath() : eventPath(), cut);
    }

    private Probe wrongType() {
        Map<String, String> event = validEvent();
        String[] fields = {
            "eventId",
            "type",
            "dossierId",
            "occurredAt",
            "unitCode",
            "procedureCode",
            "channel",
            "dueAt",
            "digitized",
            "feeRequired"
        };
        String field = pick(fields);
        String value = pick(WRONG_TYPED);
        if (value.equals("null") && !isRequired(field)) {
            value = "\"maybe\""; // null is "absent" for an optional field: give it a wrong type instead
        }
        if (field.equals("digitized") || field.equals("feeRequired")) {
            value = pick(new String[] {"\"true\"", "1", "0", "\"yes\"", "[]", "{}"});
        }
        event.put(field, value);
        return write("wrong type for " + field, eventPath(), render(event));
    }

    private Probe missingField() {
        Map<String, String> event = validEvent();
        String field = random.nextBoolean() ? pick(REQUIRED) : pick(RECEIPT);
        event.remove(field);
        return write("missing " + field, eventPath(), render(event));
    }

    private Probe hugeString() {
        Map<String, String> event = validEvent();
        String field = pick(new String[] {"eventId", "dossierId", "unitCode", "procedureCode", "type", "channel"});
        int length =
                switch (random.nextInt(4)) {
                    case 0 -> field.equals("eventId") ? 101 : 65;
                    case 1 -> 1000 + random.nextInt(10_000);
                    case 2 -> 100_000 + random.nextInt(100_000);
                    default -> MAX_BODY - 600 - random.nextInt(200); // the body stays just under the 1 MiB limit
                };
        event.put(field, json(filler(length)));
        return write("huge " + field + " (" + length + " chars)", eventPath(), render(event));
    }

    private Probe unicodeTrick() {
        Map<String, String> event = validEvent();
        String field = pick(CODE_FIELDS);
        String trick = pick(UNICODE_TRICKS);
        String base = field.equals("dossierId") ? "HX-u" + sequence : field.equals("unitCode") ? unit : procedure;
        String value = random.nextBoolean() ? base + trick : trick + base;
        // lone surrogates cannot be written as UTF-8: they travel as JSON escapes, as a hostile client would send them
        event.put(field, jsonEscapingSurrogates(value));
        if (random.nextBoolean()) {
            // the same tricks in eventId, which alone would be a legal (if odd) idempotency key: the trick in a code
            // still makes the event invalid
            event.put("eventId", jsonEscapingSurrogates(trick + "e" + sequence));
        }
        return write("unicode trick in " + field, eventPath(), render(event));
    }

    private Probe absurdDate() {
        Map<String, String> event = validEvent();
        String field = pick(DATE_FIELDS);
        event.put(field, json(pick(ABSURD_DATES)));
        return write("absurd " + field, eventPath(), render(event));
    }

    private Probe unknownEnum() {
        Map<String, String> event = validEvent();
        String field = random.nextBoolean() ? "type" : "channel";
        event.put(field, json(pick(UNKNOWN_ENUMS)));
        return write("unknown " + field, eventPath(), render(event));
    }

    private Probe notAnObject() {
        String event = render(validEvent());
        String body = pick(new String[] {
            "[" + event + "]",
            "\"" + event.replace("\"", "\\\"") + "\"",
            "42",
            "null",
            "true",
            "[]",
            "{\"event\":" + event + "}"
        });
        if (body.startsWith("{\"event\"")) {
            return write("event wrapped in an object", eventPath(), body); // no top-level fields: invalid
        }
        return write("not an object", random.nextBoolean() ? eventPath() : batchPath(), body);
    }

    private Probe mixedBatch() {
        int size = 1 + random.nextInt(20);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Probe single = pick(List.<Supplier<Probe>>of(
                            this::wrongType,
                            this::missingField,
                            this::unicodeTrick,
                            this::absurdDate,
                            this::unknownEnum))
                    .get();
            events.add(new String(single.body(), StandardCharsets.UTF_8));
        }
        if (random.nextBoolean()) {
            events.add(pick(new String[] {"null", "42", "\"x\"", "[]", "[" + render(validEvent()) + "]"}));
        }
        return write(
                "batch of " + events.size() + " invalid events",
                batchPath(),
                "{\"events\":[" + String.join(",", events) + "]}");
    }

    /**
     * A valid event with one flaw a lenient reader would overlook: declared as something other than JSON, a field given
     * twice (which one counts?), or an eventId with a lone surrogate (stored as UTF-8 it would become another id).
     */
    private Probe validButDisguised() {
        Map<String, String> event = validEvent();
        return switch (random.nextInt(3)) {
            case 0 -> {
                Map<String, String> headers = new LinkedHashMap<>(sourceHeaders);
                String contentType =
                        pick(new String[] {"text/plain", "application/xml", "", "application/octet-stream"});
                if (contentType.isEmpty()) {
                    headers.remove("Content-Type");
                } else {
                    headers.put("Content-Type", contentType);
                }
                yield new Probe(
                        "valid event declared as " + (contentType.isEmpty() ? "nothing" : contentType),
                        "POST",
                        eventPath(),
                        headers,
                        bytes(render(event)),
                        Expect.REFUSED_WRITE);
            }
            case 1 -> {
                String field = pick(new String[] {"type", "dossierId", "unitCode", "eventId"});
                String body = render(event);
                body = body.substring(0, body.length() - 1) + "," + json(field) + ":" + event.get(field) + "}";
                yield write("field " + field + " given twice", eventPath(), body);
            }
            default -> {
                event.put(
                        "eventId",
                        jsonEscapingSurrogates("lone-" + sequence + pick(new String[] {"\uD800", "\uDFFF"})));
                yield write("lone surrogate in eventId", eventPath(), render(event));
            }
        };
    }

    private Probe wrongContentType() {
        String contentType = pick(new String[] {
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=UTF-16",
            "application/octet-stream",
            "",
            "application/json;;;",
            "*/*"
        });
        String body = pick(new String[] {
            "<event><eventId>x</eventId></event>",
            "eventId=x&type=RECEIVED",
            "--x\r\nContent-Disposition: form-data\r\n\r\n{}\r\n--x--",
            "\u00ff\u00fe{\"a\":1}",
            ""
        });
        Map<String, String> headers = new LinkedHashMap<>(sourceHeaders);
        if (contentType.isEmpty()) {
            headers.remove("Content-Type");
        } else {
            headers.put("Content-Type", contentType);
        }
        return new Probe(
                "content type " + contentType,
                "POST",
                eventPath(),
                headers,
                body.getBytes(StandardCharsets.UTF_8),
                Expect.REFUSED_WRITE);
    }

    private Probe hostileRead() {
        String id = pick(new String[] {
            "%00",
            "..%2F..",
            "%2e%2e",
            "a%2Fb",
            "%ED%A0%80",
            "%F0%9F%92%A9",
            "%E2%80%AE33",
            "33%CC%81",
            "%5C..%5C",
            "..;",
            "x;jsessionid=1",
            "%25",
            "%C0%AF",
            "%FF",
            "%20",
            "~",
            "33",
            unit,
            "HX-1",
            filler(2000)
        });
        return switch (random.nextInt(4)) {
            case 0 -> read("dossier by hostile id", "/api/v1/dossiers/" + id, Expect.ANY_READ);
            case 1 ->
                read("stats of hostile unit", "/api/v1/stats/units/" + id + "?period=" + period(), Expect.ANY_READ);
            case 2 ->
                read(
                        "series with hostile parameters",
                        "/api/v1/stats/units/" + unit + "/series?granularity="
                                + pick(new String[] {"week", "day", "DAY", "", "%00", "month"}) + "&from=" + period()
                                + "&to=" + period(),
                        Expect.ANY_READ);
            default ->
                read(
                        "leaderboard with hostile parameters",
                        "/api/v1/leaderboards?level="
                                + pick(new String[] {"PROVINCE", "GALAXY", "", "province", "%00", "COMMUNE"})
                                + "&period=" + period() + "&indicator="
                                + pick(new String[] {"ON_TIME_RATE", "NOPE", "", "%E2%80%AE"})
                                + "&limit="
                                + pick(new String[] {"-1", "0", "1", "abc", "99999999999999999999", "1e3", "%00", ""}),
                        Expect.ANY_READ);
        };
    }

    /**
     * A read of the API document with its query mutated: bytes that are not UTF-8 or broken escapes in a name or a
     * value (refused), or a query that is legal but odd (NULs, a parameter repeated past what a container reads, empty
     * names and values, huge values), answered or refused.
     */
    private Probe hostileQuery() {
        String read = pick(reads());
        int question = read.indexOf('?');
        String path = question < 0 ? read : read.substring(0, question);
        List<String> parameters = new ArrayList<>(
                question < 0 ? List.of() : List.of(read.substring(question + 1).split("&")));
        // the live stream answers without end: its reads keep the level no leaderboard has, so every one is refused
        boolean stream = path.endsWith("/stream");
        String label;
        Expect expect = Expect.ANY_READ;
        switch (random.nextInt(7)) {
            case 0, 1 -> {
                String escape = pick(NOT_UTF8);
                label = "query that is not UTF-8 (" + escape + ")";
                expect = Expect.REFUSED_READ;
                mutate(parameters, escape, stream);
            }
            case 2 -> {
                String escape = pick(BROKEN_ESCAPES);
                label = "query with a broken escape (" + escape + ")";
                expect = Expect.REFUSED_READ;
                mutate(parameters, escape, stream);
            }
            case 3 -> {
                String odd = pick(ODD_BUT_UTF8);
                label = "query with an odd value (" + odd + ")";
                mutate(parameters, odd, stream);
            }
            case 4 -> {
                if (random.nextBoolean()) {
                    // more parameters than a servlet container reads (Tomcat: 1,000), within the gateway's 4 KiB
                    int count = 1001 + random.nextInt(600);
                    label = count + " parameters";
                    parameters.addAll(Collections.nCopies(count, "x"));
                } else {
                    int times = 2 + random.nextInt(50);
                    String name = parameters.isEmpty() || stream || random.nextBoolean()
                            ? pick(new String[] {"x", "period", "level"})
                            : parameters.get(random.nextInt(parameters.size())).split("=", 2)[0];
                    label = "parameter " + name + " repeated " + times + " times";
                    for (int i = 0; i < times; i++) {
                        parameters.add(name + "=" + pick(new String[] {"", "2026-07", "PROVINCE", "x"}));
                    }
                }
            }
            case 5 -> {
                String empty = pick(new String[] {"", "=", "=x", "period=", "period", "&&", "=&=", "level=&level="});
                label = "empty parameter '" + empty + "'";
                parameters.add(random.nextInt(parameters.size() + 1), empty);
            }
            default -> {
                int length = pick(new Integer[] {1000, 3000, 4200});
                String name = stream ? "x" : pick(new String[] {"x", "period", "parent", "level", "from"});
                label = "huge value of " + name + " (" + length + " chars)";
                parameters.add(name + "=" + filler(length));
            }
        }
        return read(label + " on " + path, path + "?" + String.join("&", parameters), expect);
    }

    /** Puts the text in a name or value of the query: of a new parameter, or in place of an existing one's. */
    private void mutate(List<String> parameters, String text, boolean stream) {
        if (parameters.isEmpty() || stream || random.nextInt(3) == 0) {
            parameters.add(random.nextBoolean() ? pick(new String[] {"x", "period", "q"}) + "=" + text : text + "=1");
            return;
        }
        int index = random.nextInt(parameters.size());
        String name = parameters.get(index).split("=", 2)[0];
        parameters.set(index, random.nextInt(4) == 0 ? name + text + "=x" : name + "=" + text);
    }

    /**
     * A request of any route (a read of the API document, or one of the garbage writes) with the headers a route may
     * read made hostile: {@code Accept}, {@code Accept-Language}, {@code If-None-Match}, {@code Range}.
     */
    private Probe hostileHeaders() {
        Probe base = random.nextInt(3) == 0
                ? pick(List.<Supplier<Probe>>of(
                                this::wrongType, this::missingField, this::unknownEnum, this::truncated))
                        .get()
                : read("read", pick(reads()), Expect.ANY_READ);
        Map<String, String> headers = new LinkedHashMap<>(base.headers());
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(4)) {
                case 0 -> headers.put("Accept", pick(HOSTILE_ACCEPT));
                case 1 -> headers.put("Accept-Language", pick(HOSTILE_ACCEPT_LANGUAGE));
                case 2 -> headers.put("If-None-Match", pick(HOSTILE_IF_NONE_MATCH));
                default -> headers.put("Range", pick(HOSTILE_RANGE));
            }
        }
        return new Probe(
                "hostile headers on " + base.label(), base.method(), base.path(), headers, base.body(), base.expect());
    }

    /**
     * Every read of the API document (api.md), with parameters that make sense: the live stream only with a level no
     * leaderboard has, so that it is refused at once instead of streaming.
     */
    private String[] reads() {
        String period = "2026-07";
        return new String[] {
            "/api/v1/dossiers/HX-1",
            "/api/v1/stats/units/" + unit + "?period=" + period,
            "/api/v1/stats/units/" + unit + "/children?period=" + period,
            "/api/v1/stats/units/" + unit + "/series?granularity=month&from=2026-01&to=" + period,
            "/api/v1/stats/units/" + unit + "/index?period=" + period + "&boundaries=current",
            "/api/v1/stats/units/" + unit + "/children/index?period=" + period,
            "/api/v1/leaderboards?level=PROVINCE&period=" + period + "&indicator=ON_TIME_RATE&limit=10",
            "/api/v1/leaderboards?level=COMMUNE&parent=" + unit.split("\\.")[0] + "&asOf=2026-07-01T00:00:00%2B07:00",
            "/api/v1/leaderboards/stream?level=GALAXY&period=" + period,
            "/api/v1/units?level=COMMUNE&parent=" + unit.split("\\.")[0],
            "/api/v1/units/" + unit,
            "/api/v1/units/" + unit + "/procedures",
            "/api/v1/procedures/" + procedure,
            "/api/v1/calendar/2026",
            "/api/v1/sources",
            "/api/v1/reorganisations",
            "/api/v1/openapi"
        };
    }

    private String period() {
        return pick(new String[] {
            "2026-13",
            "9999-Q9",
            "2026-Q0",
            "2026-00",
            "2026-02-30",
            "99999",
            "-1",
            "",
            "0000",
            "1900",
            "2026-7",
            "2026-07-01T00:00",
            "%00",
            "2026-Q1%00",
            filler(500),
            "2026-W27",
            "2026-07",
            "2026"
        });
    }

    // ---------------------------------------------------------------- hand-picked cases

    private List<Probe> handPicked() {
        List<Probe> probes = new ArrayList<>();
        String valid = render(validEvent());
        for (String body : new String[] {
            "",
            " ",
            "{",
            "}",
            "{\"eventId\":",
            "{\"eventId\":\"x\",}",
            "{'eventId':'x'}",
            "{eventId:\"x\"}",
            "{\"eventId\":\"x\" /* comment */}",
            "{\"eventId\":NaN}",
            "\u0000",
            "{\"a\":\"\\uZZZZ\"}",
            "{\"a\":\"\\ud800\"}",
            "[".repeat(10_000),
            "{\"a\":".repeat(5_000),
            valid + valid,
            valid + "garbage",
            valid.substring(0, valid.length() - 1)
        }) {
            probes.add(write("bad JSON", eventPath(), body));
            probes.add(write("bad JSON (batch)", batchPath(), body));
        }
        // batches of 0 and 1,001 valid events: the envelope is refused before any event is looked at
        probes.add(write("empty batch", batchPath(), "{\"events\":[]}"));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(render(validEvent()));
        }
        probes.add(write("batch of 1,001 valid events", batchPath(), "{\"events\":[" + String.join(",", many) + "]}"));
        probes.add(write("batch without events", batchPath(), "{\"evnts\":[" + valid + "]}"));
        probes.add(write("events as an object", batchPath(), "{\"events\":" + valid + "}"));
        probes.add(write("events as a string", batchPath(), "{\"events\":\"" + valid.replace("\"", "'") + "\"}"));
        // over the body limit: refused at the door
        probes.add(write("body over 1 MiB", eventPath(), "{\"eventId\":\"" + filler(MAX_BODY) + "\"}"));
        probes.add(write(
                "batch over 1 MiB",
                batchPath(),
                "{\"events\":[" + (valid + ",").repeat(MAX_BODY / valid.length() + 1) + valid + "]}"));
        // a wrong or missing key
        Map<String, String> noKey = Map.of("Content-Type", "application/json");
        probes.add(new Probe("no key", "POST", eventPath(), noKey, bytes(valid), Expect.REFUSED_WRITE));
        probes.add(new Probe(
                "unknown key",
                "POST",
                eventPath(),
                Map.of("Content-Type", "application/json", "X-Api-Key", "guess"),
                bytes(valid),
                Expect.REFUSED_WRITE));
        // other methods on the write paths
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "GET"}) {
            probes.add(new Probe(
                    "method " + method,
                    method,
                    eventPath(),
                    sourceHeaders,
                    method.equals("GET") ? null : bytes(valid),
                    Expect.REFUSED_WRITE));
        }
        // paths: traversal, encoded slashes and control characters, the services' internals
        for (String path : new String[] {
            "/api/v1/dossiers/..%2F..",
            "/api/v1/dossiers/..%2f..%2factuator%2fenv",
            "/api/v1/dossiers/%2e%2e/%2e%2e/actuator/env",
            "/api/v1/dossiers/../../actuator/env",
            "/api/v1/stats/units/%00",
            "/api/v1/stats/units/33%00",
            "/api/v1/stats/units/..;/..;/actuator",
            "/api/v1/dossiers/a%5C..%5C..",
            "/api/v1/dossiers/%ED%A0%80",
            "/api/v1/dossiers/%C0%AE%C0%AE",
            "/api/v1/dossiers/%25zz",
            "/actuator/health",
            "/actuator/env",
            "/actuator/heapdump",
            "/v3/api-docs",
            "/api/v1/leaderboards/..%2F..%2Factuator",
            "//api/v1/dossiers/x",
            "/api/v1//dossiers/x",
            "/api/v1/dossiers/" + filler(5000),
            "/api/v1/stats/units/" + filler(20_000),
            "/api/v2/dossiers/x",
            "/API/V1/DOSSIERS/x",
            "/api/v1/dossiers/x?" + "a=1&".repeat(2000)
        }) {
            // the gateway's own liveness answers on its port (the launcher and load balancers probe it)
            boolean answerable =
                    path.contains("/dossiers/x") || path.contains("?a=") || path.equals("/actuator/health");
            probes.add(read("hostile path", path, answerable ? Expect.ANY_READ : Expect.REFUSED_READ));
        }
        // absurd query parameters on the statistics and leaderboard reads
        for (String query : new String[] {
            "period=2026-13",
            "period=9999-Q9",
            "period=2026-Q0",
            "period=2026-02-30",
            "period=99999",
            "period=0000",
            "period=" + filler(5000),
            "period=%00",
            "period=2099-01"
        }) {
            probes.add(read("absurd period", "/api/v1/stats/units/" + unit + "?" + query, Expect.REFUSED_READ));
            probes.add(read(
                    "absurd period (children)",
                    "/api/v1/stats/units/" + unit + "/children?" + query,
                    Expect.REFUSED_READ));
            probes.add(read(
                    "absurd period (leaderboard)",
                    "/api/v1/leaderboards?level=PROVINCE&" + query,
                    Expect.REFUSED_READ));
        }
        for (String query : new String[] {
            "granularity=week&from=2026-W01&to=2026-W02", "granularity=day&from=2000-01-01&to=2026-01-01",
            "granularity=day&from=2026-07-02&to=2026-07-01", "granularity=month&from=2026-07-01&to=2026-07-02",
            "granularity=&from=2026&to=2026", "granularity=year&from=0000&to=9999"
        }) {
            probes.add(read("absurd series", "/api/v1/stats/units/" + unit + "/series?" + query, Expect.REFUSED_READ));
        }
        for (String query : new String[] {
            "limit=-1",
            "limit=0",
            "limit=abc",
            "limit=99999999999999999999",
            "level=GALAXY",
            "indicator=NOPE",
            "asOf=yesterday",
            "asOf=0000-01-01T00:00:00Z",
            "parent=%00&level=COMMUNE&limit=-5"
        }) {
            probes.add(read("absurd leaderboard query", "/api/v1/leaderboards?" + query, Expect.REFUSED_READ));
        }
        // queries that are not UTF-8 once decoded (issue 23): refused whichever parameter, known or not, carries them
        for (String target : new String[] {
            "/api/v1/stats/units/" + unit + "?period=%ED%A0%80",
            "/api/v1/leaderboards?level=%ED%A0%80",
            "/api/v1/stats/units/" + unit + "/children?period=2026-07&x=%FF",
            "/api/v1/stats/units/" + unit + "/series?granularity=month&from=2026-01&to=2026-02&%C0%AE=1",
            "/api/v1/leaderboards?level=PROVINCE&period=%E",
            "/api/v1/leaderboards?level=PROVINCE&period=%ZZ",
            "/api/v1/dossiers/HX-1?x=%",
            "/api/v1/openapi?x=%FF"
        }) {
            probes.add(read("query that is not UTF-8", target, Expect.REFUSED_READ));
        }
        // the event stream with absurd parameters answers at once with a problem, not a stream
        probes.add(read("absurd stream", "/api/v1/leaderboards/stream?level=GALAXY", Expect.REFUSED_READ));
        return probes;
    }

    // ---------------------------------------------------------------- helpers

    private Probe write(String label, String path, String body) {
        return new Probe(label, "POST", path, sourceHeaders, bytes(body), Expect.REFUSED_WRITE);
    }

    private static Probe read(String label, String path, Expect expect) {
        return new Probe(label, "GET", path, Map.of(), null, expect);
    }

    private static String eventPath() {
        return "/api/v1/dossier-events";
    }

    private static String batchPath() {
        return "/api/v1/dossier-events/batch";
    }

    private static boolean isRequired(String field) {
        return List.of(REQUIRED).contains(field) || List.of(RECEIPT).contains(field);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String filler(int length) {
        StringBuilder text = new StringBuilder(length);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String json(String text) {
        return jsonEscapingSurrogates(text);
    }

    /** A JSON string literal; control characters and surrogates (paired or not) as {@code \\uXXXX} escapes. */
    static String jsonEscapingSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(7)).toString();
    }
}
