package vn.dossierstats.metrics.web;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.metrics.MetricsProperties;
import vn.dossierstats.metrics.report.Report;
import vn.dossierstats.metrics.report.ReportCalculator;
import vn.dossierstats.metrics.stream.BucketStore;
import vn.dossierstats.metrics.stream.StatisticsEngine;
import vn.dossierstats.metrics.stream.UnitRecord;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;

/**
 * The national totals (issue 21, the dashboard's country page): the period report of all provinces together
 * ({@code unitCode} {@code VN}, level {@code COUNTRY}), its counts summed over the provinces (the units of level
 * PROVINCE without a parent) and its rates computed from those sums, never averaged (domain.md). A province whose
 * buckets another instance holds is asked of that instance, all of that instance's provinces in one request.
 */
@RestController
class CountryController {

    static final String CODE = "VN";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Reports reports;
    private final StatisticsEngine engine;
    private final JsonMapper json;
    private final ConditionalGet conditional;
    private final Clock clock;
    private final ZoneId zone;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    CountryController(
            Reports reports, StatisticsEngine engine, JsonMapper json, MetricsProperties properties, Clock clock) {
        this.reports = reports;
        this.engine = engine;
        this.json = json;
        this.conditional = new ConditionalGet(properties.maxAge());
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    @GetMapping(path = "/api/v1/stats/country", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The national totals: the period report of the 34 provinces together",
            description = "unitCode VN, level COUNTRY; counts summed over the provinces, rates from the sums."
                    + " period as for a unit's report (default: the running month).")
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = Report.class)))
    ResponseEntity<byte[]> country(
            @RequestParam(required = false) String period,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Period parsed = period(period);
        Map<HostInfo, List<String>> remote =
                new TreeMap<>(Comparator.comparing(HostInfo::host).thenComparing(HostInfo::port));
        List<String> local = new ArrayList<>();
        for (UnitRecord province : provinces()) {
            Optional<HostInfo> owner = engine.remoteOwnerOf(province.code());
            if (owner.isPresent()) {
                remote.computeIfAbsent(owner.get(), h -> new ArrayList<>()).add(province.code());
            } else {
                local.add(province.code());
            }
        }
        PeriodCounts total = sumHere(local, parsed);
        for (Map.Entry<HostInfo, List<String>> part : remote.entrySet()) {
            total = total.plus(askPart(part.getKey(), part.getValue(), parsed));
        }
        LocalDate start = parsed.start();
        Report report = Report.of(
                CODE,
                "Cả nước",
                "COUNTRY",
                parsed.key(),
                start.atStartOfDay(zone).toOffsetDateTime(),
                parsed.end().atStartOfDay(zone).toOffsetDateTime(),
                clock.instant().atZone(zone).toOffsetDateTime(),
                total);
        return conditional.answer(PreparedBody.of(json.writeValueAsBytes(report)), ifNoneMatch);
    }

    /** The summed counts of the listed provinces whose buckets this instance holds: asked by another instance. */
    @Hidden // between instances only: the gateway routes no /internal path
    @GetMapping(path = "/internal/stats/country-part", produces = MediaType.APPLICATION_JSON_VALUE)
    PeriodCounts part(@RequestParam String period, @RequestParam List<String> units) {
        for (String unit : units) {
            if (engine.remoteOwnerOf(unit).isPresent()) {
                throw new Peers.PeerUnavailable("the statistics of " + unit + " are moving between instances");
            }
        }
        return sumHere(units, period(period));
    }

    /**
     * Every province of the catalogue, those that ended in a merger too: each dossier counts under exactly one province
     * (its path's root on its receipt date), so the country is the sum of them all on any map.
     */
    private List<UnitRecord> provinces() {
        List<UnitRecord> provinces = new ArrayList<>();
        try (var all = engine.units().all()) {
            all.forEachRemaining(entry -> {
                UnitRecord unit = entry.value;
                if ("PROVINCE".equals(unit.level()) && unit.parentCode() == null) {
                    provinces.add(unit);
                }
            });
        }
        return provinces;
    }

    private PeriodCounts sumHere(List<String> units, Period period) {
        LocalDate today = reports.today();
        LocalDate end = period.end().isAfter(today) ? today.plusDays(1) : period.end();
        PeriodCounts total = PeriodCounts.ZERO;
        for (String unit : units) {
            ReportCalculator calculator =
                    new ReportCalculator(new BucketStore(engine.buckets(unit)), reports.firstYear());
            total = total.plus(calculator.counts(unit, period, end));
        }
        return total;
    }

    private PeriodCounts askPart(HostInfo owner, List<String> units, Period period) {
        String target = "http://" + owner.host() + ":" + owner.port() + "/internal/stats/country-part?period="
                + URLEncoder.encode(period.key(), StandardCharsets.UTF_8) + "&units="
                + URLEncoder.encode(String.join(",", units), StandardCharsets.UTF_8);
        try {
            HttpResponse<byte[]> answer = http.send(
                    HttpRequest.newBuilder(URI.create(target))
                            .timeout(TIMEOUT)
                            .header(Peers.FORWARDED, "1")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new Peers.PeerUnavailable("the instance " + owner + " answered " + answer.statusCode());
            }
            return json.readValue(answer.body(), PeriodCounts.class);
        } catch (IOException e) {
            throw new Peers.PeerUnavailable("the instance that holds some provinces (" + owner + ") does not answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Peers.PeerUnavailable("interrupted while asking " + owner);
        }
    }

    private Period period(String text) {
        if (text == null || text.isBlank()) {
            return Period.of(Granularity.MONTH, reports.today());
        }
        Period period = Period.parse(text.strip())
                .orElseThrow(() -> ApiProblem.invalid("period", "must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD"));
        if (period.start().isAfter(reports.today())) {
            throw ApiProblem.invalid("period", "starts after today: a future period has no report");
        }
        if (period.start().getYear() < reports.firstYear()) {
            throw ApiProblem.invalid("period", "must not be before the year " + reports.firstYear());
        }
        return period;
    }
}
