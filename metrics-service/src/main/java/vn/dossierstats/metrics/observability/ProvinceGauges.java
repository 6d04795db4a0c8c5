package vn.dossierstats.metrics.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.dossierstats.metrics.index.IndexOfCounts;
import vn.dossierstats.metrics.stream.StatisticsEngine;
import vn.dossierstats.metrics.stream.UnitRecord;
import vn.dossierstats.metrics.web.Reports;
import vn.dossierstats.unitstats.Boundaries;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;

/**
 * The running month of every province as gauges, for the public-service dashboard and the on-time alert: on-time
 * rate, progress score, overdue and in-progress dossiers, ended by classification, received by channel, the national
 * index (total and groups). Recomputed
 * from the live bucket store every few seconds on a thread of its own (a scrape never waits for it); only provinces
 * (units without a parent) are exported, so the series stay bounded whatever the number of communes.
 */
@Component
public class ProvinceGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProvinceGauges.class);
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final StatisticsEngine engine;
    private final Reports reports;
    private final MultiGauge onTimeRate;
    private final MultiGauge progressScore;
    private final MultiGauge overdue;
    private final MultiGauge inProgress;
    private final MultiGauge ended;
    private final MultiGauge received;
    private final MultiGauge index;
    private volatile ScheduledExecutorService scheduler;

    ProvinceGauges(StatisticsEngine engine, Reports reports, MeterRegistry meters) {
        this.engine = engine;
        this.reports = reports;
        this.onTimeRate = MultiGauge.builder("dossier.province.on.time.rate")
                .description("Share of the month's ended dossiers handled early or on time (absent until one ended)")
                .register(meters);
        this.progressScore = MultiGauge.builder("dossier.province.progress.score")
                .description("Progress score of the running month, 0 to 20")
                .register(meters);
        this.overdue = MultiGauge.builder("dossier.province.overdue")
                .description("Dossiers in progress past their due instant")
                .register(meters);
        this.inProgress = MultiGauge.builder("dossier.province.in.progress")
                .description("Dossiers in progress")
                .register(meters);
        this.ended = MultiGauge.builder("dossier.province.ended")
                .description("Dossiers ended in the running month, by classification")
                .register(meters);
        this.received = MultiGauge.builder("dossier.province.received")
                .description("Dossiers received in the running month, by channel")
                .register(meters);
        this.index = MultiGauge.builder("dossier.province.index.766")
                .description("National index (Decision 766) of the running month over its derivable part: the total"
                        + " and each group (absent where nothing can be computed)")
                .register(meters);
    }

    void refresh() {
        if (!engine.isProcessing()) {
            return;
        }
        Period month = Period.of(Granularity.MONTH, reports.today());
        List<ProvinceFigures> figures = new ArrayList<>();
        List<MultiGauge.Row<?>> indexRows = new ArrayList<>();
        try (var units = engine.units().all()) {
            units.forEachRemaining(entry -> {
                UnitRecord unit = entry.value;
                // the provinces of this month's map, each with the predecessors merged into it
                if (unit != null
                        && unit.parentCode() == null
                        && unit.span().existsOn(month.end().minusDays(1))) {
                    Reports.Counted counted = reports.forIndex(unit, month, Boundaries.PERIOD);
                    ProvinceFigures province = ProvinceFigures.of(counted.report());
                    figures.add(province);
                    IndexScores.of(IndexOfCounts.scorecard(counted.counts()))
                            .forEach((group, score) -> indexRows.add(
                                    MultiGauge.Row.of(tags(province).and("group", group), score)));
                }
            });
        }
        index.register(indexRows, true);
        onTimeRate.register(
                figures.stream()
                        .filter(f -> f.onTimeRate() != null)
                        .map(f -> MultiGauge.Row.of(tags(f), f.onTimeRate()))
                        .toList(),
                true);
        progressScore.register(
                figures.stream()
                        .filter(f -> f.progressScore() != null)
                        .map(f -> MultiGauge.Row.of(tags(f), f.progressScore()))
                        .toList(),
                true);
        overdue.register(
                figures.stream()
                        .map(f -> MultiGauge.Row.of(tags(f), f.overdue()))
                        .toList(),
                true);
        inProgress.register(
                figures.stream()
                        .map(f -> MultiGauge.Row.of(tags(f), f.inProgress()))
                        .toList(),
                true);
        ended.register(
                figures.stream()
                        .flatMap(f -> f.ended().entrySet().stream()
                                .map(e -> MultiGauge.Row.of(tags(f).and("classification", e.getKey()), e.getValue())))
                        .toList(),
                true);
        received.register(
                figures.stream()
                        .flatMap(f -> f.received().entrySet().stream()
                                .map(e -> MultiGauge.Row.of(tags(f).and("channel", e.getKey()), e.getValue())))
                        .toList(),
                true);
    }

    private static Tags tags(ProvinceFigures figures) {
        return Tags.of("province", figures.code(), "name", figures.name());
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("province-gauges").daemon().factory());
        started.scheduleWithFixedDelay(
                () -> {
                    try {
                        refresh();
                    } catch (RuntimeException e) {
                        // the stores move during a rebalance: keep the last figures, try again at the next tick
                        log.debug("Province gauges not refreshed: {}", e.toString());
                    }
                },
                REFRESH.toMillis(),
                REFRESH.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.shutdownNow();
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
