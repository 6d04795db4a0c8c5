package vn.dossierstats.dossier.drillthrough;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dossierstats.dossier.DossierProperties;
import vn.dossierstats.dossier.calendar.WorkingCalendar;
import vn.dossierstats.dossier.calendaryears.CalendarYears;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.web.ApiProblem;
import vn.dossierstats.unitstats.Boundaries;
import vn.dossierstats.unitstats.Territories;

/**
 * Behind the dashboard's figures (issue 21): the dossiers a figure of a unit's period report counts, paged, and the
 * early warning, the open dossiers that fall due within a number of working hours. Public reads.
 */
@RestController
class DrillThroughController {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;
    static final int MAX_WORKING_HOURS = 400;

    private final FigureDossiers dossiers;
    private final Catalogue catalogue;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;

    DrillThroughController(
            FigureDossiers dossiers,
            Catalogue catalogue,
            CalendarYears calendarYears,
            Clock clock,
            DossierProperties properties) {
        this.dossiers = dossiers;
        this.catalogue = catalogue;
        this.calendar = properties.calendar(calendarYears);
        this.clock = clock;
        this.zone = properties.timeZone();
    }

    @GetMapping("/api/v1/stats/units/{code}/dossiers")
    @Operation(
            summary = "The dossiers behind a figure of the unit's period report",
            description = "The unit with its descendants; the same definitions as the report (domain.md), so that"
                    + " count equals the report's figure once the report has caught up (within its freshness)."
                    + " count is all of them, dossiers one page, the most telling first (longest overdue, latest"
                    + " late).")
    BehindFigure behindFigure(
            @PathVariable String code,
            @Parameter(description = "YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD; default: the running month")
                    @RequestParam(required = false)
                    String period,
            @Parameter(
                            description = "carriedOver, receivedNew, online, direct, postal, totalToProcess, ended,"
                                    + " early, onTime, late, inProgress, withinDeadline, overdue, waitingSupplement"
                                    + " (in progress at the end and waiting now)",
                            required = true)
                    @RequestParam(required = false)
                    String figure,
            @Parameter(description = "0-based, default 0") @RequestParam(required = false) String page,
            @Parameter(description = "1 to 500, default 50") @RequestParam(required = false) String size,
            @Parameter(
                            description = "period (default): the units as they were at the period's end; current:"
                                    + " today's, each with its predecessors (as the report)")
                    @RequestParam(required = false)
                    String boundaries) {
        knownUnit(code);
        Boundaries map = Boundaries.parse(boundaries)
                .orElseThrow(() -> ApiProblem.invalid(
                        "boundaries",
                        "must be period (units as they were at the period's end) or current (today's units)"));
        if (figure == null || figure.isBlank()) {
            throw ApiProblem.invalid("figure", "is required: one of " + Figure.names());
        }
        Figure parsedFigure =
                Figure.of(figure).orElseThrow(() -> ApiProblem.invalid("figure", "must be one of " + Figure.names()));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        PeriodRange range = period == null || period.isBlank()
                ? PeriodRange.month(today)
                : PeriodRange.parse(period.strip())
                        .orElseThrow(() -> ApiProblem.invalid(
                                "period", "must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD, a real date"));
        if (range.start().isAfter(today)) {
            throw ApiProblem.invalid("period", "starts after today: a future period has no report");
        }
        int parsedPage = integer("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int parsedSize = integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        Instant s = range.start().atStartOfDay(zone).toInstant();
        Instant end = range.end().atStartOfDay(zone).toInstant();
        // the running period is judged at "now", as its report is (domain.md)
        Instant e = end.isAfter(now) ? now : end;
        LocalDate mapDate = map == Boundaries.CURRENT ? today : range.end().minusDays(1);
        DossierPage found = dossiers.behind(territory(code, mapDate), parsedFigure, s, e, parsedPage, parsedSize);
        return new BehindFigure(
                code,
                range.key(),
                OffsetDateTime.ofInstant(s, zone),
                OffsetDateTime.ofInstant(end, zone),
                OffsetDateTime.ofInstant(e, zone),
                parsedFigure.key(),
                found.count(),
                found.page(),
                found.size(),
                found.dossiers());
    }

    @GetMapping("/api/v1/units/{code}/due-soon")
    @Operation(
            summary = "Early warning: the unit's open dossiers that fall due within N working hours",
            description = "Open (not paused, not yet overdue) dossiers of the unit with its descendants whose due"
                    + " instant is after now and at most N working hours ahead (the working calendar), most urgent"
                    + " first.")
    DueSoon dueSoon(
            @PathVariable String code,
            @Parameter(description = "1 to 400, default 8 (one working day)") @RequestParam(required = false)
                    String withinWorkingHours,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        knownUnit(code);
        int hours = integer("withinWorkingHours", withinWorkingHours, 8, 1, MAX_WORKING_HOURS);
        int parsedPage = integer("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int parsedSize = integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        Instant now = clock.instant();
        Instant until = calendar.plusWorkingTime(now, Duration.ofHours(hours));
        DossierPage found = dossiers.dueBetween(code, now, until, parsedPage, parsedSize);
        return new DueSoon(
                code,
                hours,
                OffsetDateTime.ofInstant(now, zone),
                OffsetDateTime.ofInstant(until, zone),
                found.count(),
                found.page(),
                found.size(),
                found.dossiers());
    }

    /** The answer of the drill-through: {@code count} is all the dossiers behind the figure, {@code dossiers} a page. */
    record BehindFigure(
            String unitCode,
            String period,
            OffsetDateTime from,
            OffsetDateTime to,
            OffsetDateTime asOf,
            String figure,
            long count,
            int page,
            int size,
            List<DossierRow> dossiers) {}

    /** The early warning: open dossiers due after {@code asOf} and by {@code dueBy}, the most urgent first. */
    record DueSoon(
            String unitCode,
            int withinWorkingHours,
            OffsetDateTime asOf,
            OffsetDateTime dueBy,
            long count,
            int page,
            int size,
            List<DossierRow> dossiers) {}

    /**
     * The units whose dossiers the unit's report counts on the map of {@code on}: itself and those merged into it by
     * then; 404 for a unit that did not exist then, as the report answers.
     */
    private List<String> territory(String code, LocalDate on) {
        return switch (new Territories(catalogue.spans()).of(code, on)) {
            case Territories.Members members -> members.codes();
            case Territories.Ended ended ->
                throw ApiProblem.notFound("unit " + ended.code() + " ended on " + ended.validTo() + "; its successor "
                        + ended.successor() + " answers for it");
            case Territories.NotYet notYet ->
                throw ApiProblem.notFound("unit " + notYet.code() + " exists from " + notYet.validFrom());
            case Territories.Unknown unknown -> throw ApiProblem.notFound("unknown unit " + unknown.code());
        };
    }

    private void knownUnit(String code) {
        if (catalogue.unit(code).isEmpty()) {
            throw ApiProblem.notFound("unknown unit " + code);
        }
    }

    /** An optional integer parameter within bounds, else a 400 naming it. */
    static int integer(String name, String text, int absent, int min, int max) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalid(name, "must be an integer from " + min + " to " + max);
    }
}
