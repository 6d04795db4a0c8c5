package vn.dossierstats.metrics.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;

/**
 * The counts of one unit's own buckets, for another instance that sums a territory whose members it does not all
 * hold. Not routed by the gateway: between instances only.
 */
@Hidden
@RestController
class OwnCountsController {

    static final String PATH = "/internal/v1/counts/{unitCode}";

    private final Reports reports;

    OwnCountsController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping(PATH)
    PeriodCounts counts(@PathVariable String unitCode, @RequestParam String period) {
        Period parsed = Period.parse(period)
                .orElseThrow(() -> ApiProblem.invalid("period", "must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD"));
        return reports.ownCounts(unitCode, parsed);
    }
}
