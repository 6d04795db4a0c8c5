package vn.dossierstats.dossier.dvcqg;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dossierstats.dossier.DossierProperties;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.web.ApiProblem;

/**
 * A source's own monthly counts ({@code DongBoThongKeHoSo}) beside ours for the same unit and month, and the dossiers
 * that wait for an instant, so an operator sees which source misses events.
 *
 * <p>Served by dossier-service, not metrics-service: the sources' counts are stored here, and our counts of one unit
 * and month are read from each dossier's last fact, the very snapshot metrics-service sums (architecture invariant 4:
 * the same events give the same figures). One query, no call between services; the price is a scan of the dossiers'
 * facts, acceptable for an operator's occasional read.
 */
@RestController
class Reconciliation {

    /** The DVCQG count fields and the figure of ours each one is set beside. */
    private static final Map<String, String> COMPARED = new LinkedHashMap<>();

    static {
        COMPARED.put("SoTonKyTruoc", "carriedOver");
        COMPARED.put("SoNhanTrongKy", "new");
        COMPARED.put("TongDaXuLy", "ended");
        COMPARED.put("TongXuLyTruocHan", "early");
        COMPARED.put("TongXuLyDungHan", "earlyOrOnTime");
        COMPARED.put("TongXuLyTreHan", "late");
        COMPARED.put("TongChuaXuLy", "inProgress");
    }

    private static final int MAX_WAITING = 200;

    private final JdbcClient jdbc;
    private final DvcqgStore store;
    private final Catalogue catalogue;
    private final Clock clock;
    private final ZoneId zone;

    Reconciliation(JdbcClient jdbc, DvcqgStore store, Catalogue catalogue, Clock clock, DossierProperties properties) {
        this.jdbc = jdbc;
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    @GetMapping("/api/v1/stats/units/{code}/reconciliation")
    Map<String, Object> reconcile(@PathVariable String code, @RequestParam(required = false) String period) {
        if (catalogue.unit(code).isEmpty()) {
            throw ApiProblem.notFound("unknown unit " + code);
        }
        YearMonth month;
        try {
            month = period == null || period.isBlank() ? YearMonth.now(clock.withZone(zone)) : YearMonth.parse(period);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("period", "must be a month, YYYY-MM");
        }
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        if (from.isAfter(now)) {
            throw ApiProblem.invalid("period", "starts after now: there is nothing to reconcile yet");
        }
        Instant to = end.isAfter(now) ? now : end;
        Map<String, Long> ours = ours(code, from, to);

        List<Map<String, Object>> sources = new ArrayList<>();
        for (DvcqgStore.SourceCounts counts : store.counts(code, month.toString())) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", counts.source());
            entry.put("receivedAt", OffsetDateTime.ofInstant(counts.receivedAt(), zone));
            entry.put("counts", counts.counts());
            List<Map<String, Object>> differences = new ArrayList<>();
            COMPARED.forEach((field, figure) -> {
                String value = counts.counts().get(field);
                if (value == null) {
                    return;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("field", field);
                row.put("ours", figure);
                try {
                    long theirs = Long.parseLong(value.trim());
                    row.put("source", theirs);
                    row.put("ourValue", ours.get(figure));
                    row.put("difference", theirs - ours.get(figure));
                } catch (NumberFormatException e) {
                    row.put("source", value);
                    row.put("ourValue", ours.get(figure));
                    row.put("difference", null);
                }
                differences.add(row);
            });
            entry.put("differences", differences);
            sources.add(entry);
        }
        List<Map<String, Object>> waiting = new ArrayList<>();
        store.waiting(descendants(code), MAX_WAITING).forEach(w -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dossierId", w.dossierCode());
            row.put("source", w.source());
            row.put("waitingFor", w.waitingFor());
            waiting.add(row);
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("unitCode", code);
        answer.put("period", month.toString());
        answer.put("from", OffsetDateTime.ofInstant(from, zone));
        answer.put("to", OffsetDateTime.ofInstant(end, zone));
        answer.put("ours", ours);
        answer.put("sources", sources);
        answer.put("waitingForInstant", waiting);
        return answer;
    }

    /** The unit's figures with its descendants, from each received dossier's last fact (domain.md, the period report). */
    private Map<String, Long> ours(String code, Instant from, Instant to) {
        return jdbc.sql("""
                        with f as (
                            select cast(last_fact as jsonb) as j from dossier where last_fact is not null),
                        d as (
                            select cast(j ->> 'receivedAt' as timestamptz) as received,
                                   cast(j ->> 'endedAt' as timestamptz) as ended,
                                   j ->> 'classification' as classification
                            from f
                            where j ->> 'status' <> 'REFUSED' and (j -> 'unitPath') @> jsonb_build_array(cast(? as text)))
                        select
                            count(*) filter (where received < ? and (ended is null or ended >= ?)),
                            count(*) filter (where received >= ? and received < ?),
                            count(*) filter (where ended >= ? and ended < ?),
                            count(*) filter (where ended >= ? and ended < ? and classification = 'EARLY'),
                            count(*) filter (where ended >= ? and ended < ? and classification = 'ON_TIME'),
                            count(*) filter (where ended >= ? and ended < ? and classification = 'LATE'),
                            count(*) filter (where received < ? and (ended is null or ended >= ?))
                        from d""")
                .params(
                        code, ts(from), ts(from), ts(from), ts(to), ts(from), ts(to), ts(from), ts(to), ts(from),
                        ts(to), ts(from), ts(to), ts(to), ts(to))
                .query((rs, n) -> {
                    Map<String, Long> figures = new LinkedHashMap<>();
                    figures.put("carriedOver", rs.getLong(1));
                    figures.put("new", rs.getLong(2));
                    figures.put("ended", rs.getLong(3));
                    figures.put("early", rs.getLong(4));
                    figures.put("onTime", rs.getLong(5));
                    figures.put("earlyOrOnTime", rs.getLong(4) + rs.getLong(5));
                    figures.put("late", rs.getLong(6));
                    figures.put("inProgress", rs.getLong(7));
                    return figures;
                })
                .single();
    }

    private List<String> descendants(String code) {
        return jdbc.sql("""
                        with recursive down(code, depth) as (
                            select code, 0 from unit where code = ?
                            union all
                            select u.code, down.depth + 1 from unit u join down on u.parent_code = down.code
                            where down.depth < 32)
                        select code from down""").param(code).query(String.class).list();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
