package vn.dossierstats.dossier.calendaryears;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dossierstats.dossier.DossierProperties;
import vn.dossierstats.dossier.calendar.WorkingCalendar;
import vn.dossierstats.dossier.calendar.YearCalendar;
import vn.dossierstats.dossier.history.Rejudging;
import vn.dossierstats.dossier.web.ApiProblem;
import vn.dossierstats.dossier.web.ApiProblem.FieldError;
import vn.dossierstats.dossier.web.JsonFields;

/** {@code PUT/GET /api/v1/calendar/{year}} (api.md); writes need the admin token at the gateway. */
@RestController
class CalendarController {

    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final CalendarYears years;
    private final Rejudging rejudging;
    private final ZoneId zone;
    private final JsonMapper json;

    CalendarController(CalendarYears years, Rejudging rejudging, DossierProperties properties, JsonMapper json) {
        this.years = years;
        this.rejudging = rejudging;
        this.zone = properties.timeZone();
        this.json = json;
    }

    @GetMapping("/api/v1/calendar/{year}")
    Map<String, Object> get(@PathVariable String year) {
        return view(years.year(year(year)));
    }

    @PutMapping("/api/v1/calendar/{year}")
    Map<String, Object> put(@PathVariable String year, @RequestBody(required = false) String body) {
        int parsedYear = year(year);
        JsonNode node = JsonFields.parse(json, body).node();
        List<FieldError> errors = new ArrayList<>();
        Set<LocalDate> holidays = dates(node, "holidays", errors);
        Set<LocalDate> workingDays = dates(node, "workingDays", errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        YearCalendar calendar = new YearCalendar(parsedYear, holidays, workingDays);
        List<String> problems = calendar.problems(WorkingCalendar.STANDARD_WEEKEND);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems.stream()
                    .map(p -> new FieldError(p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 2)))
                    .toList());
        }
        years.put(calendar);
        // a holiday is a fact about a date, whenever we learn it: the due instants it touches move now
        rejudging.calendarChanged(
                LocalDate.of(parsedYear, 1, 1).atStartOfDay(zone).toInstant(),
                LocalDate.of(parsedYear + 1, 1, 1).atStartOfDay(zone).toInstant());
        return view(calendar);
    }

    private static Set<LocalDate> dates(JsonNode node, String field, List<FieldError> errors) {
        JsonNode array = node.get(field);
        Set<LocalDate> dates = new HashSet<>();
        if (array == null || array.isNull()) {
            return dates;
        }
        if (!array.isArray()) {
            errors.add(new FieldError(field, "must be an array of dates YYYY-MM-DD"));
            return dates;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            try {
                if (!item.isString()) {
                    throw new DateTimeException("not a string");
                }
                dates.add(LocalDate.parse(item.asString()));
            } catch (DateTimeException e) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a date YYYY-MM-DD"));
            }
        }
        return dates;
    }

    private static int year(String text) {
        try {
            int year = Integer.parseInt(text);
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalid("year", "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR);
    }

    private static Map<String, Object> view(YearCalendar calendar) {
        return Map.of(
                "year", calendar.year(),
                "holidays",
                        calendar.holidays().stream().map(LocalDate::toString).toList(),
                "workingDays",
                        calendar.workingDays().stream().map(LocalDate::toString).toList());
    }
}
