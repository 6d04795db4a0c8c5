package vn.dossierstats.metrics.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import vn.dossierstats.metrics.index.ProcedureUsage;
import vn.dossierstats.metrics.report.Counts;
import vn.dossierstats.metrics.report.RememberedSums;
import vn.dossierstats.metrics.report.ReportCalculator;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;
import vn.dossierstats.unitstats.UnitStats;

/**
 * Dossier facts → per-unit, per-period counts → unit statistics.
 *
 * <ol>
 *   <li>Keyed by dossier: the last applied fact is kept; a fact whose sequence is not newer is ignored, otherwise
 *       the old contribution is taken back and the new one added (retract and add, never counted twice).
 *   <li>Re-keyed by unit: all of a unit's buckets live in one partition, and the changes one fact makes to them are
 *       applied in one step, so a report never mixes buckets from different moments of the stream.
 *   <li>Every changed bucket marks its period; the statistics it changes (its own, and through the carried-over and
 *       in-progress counts every later one up to today) are published together, the running periods' at the fast
 *       {@link Cadence}, the earlier ones at the slow one (see {@link DirtyPeriods}).
 * </ol>
 */
public final class StatisticsTopology {

    public static final String LAST_FACTS = "last-facts";
    public static final String BUCKETS = "buckets";
    public static final String UNITS = "units";
    /** What each unit received of each procedure, per period: {@link UsageStore}. */
    public static final String USAGE = "procedure-usage";
    /** The catalogue's procedures and the procedures assigned to units (global: every instance holds all). */
    public static final String PROCEDURES = "procedures";

    public static final String ASSIGNMENTS = "unit-procedures";
    /** The repartition by unit: topic {@code <applicationId>-unit-deltas-repartition}. */
    static final String UNIT_DELTAS = "unit-deltas";
    /** How many later periods a late change republishes at most (older ones are recomputed on read). */
    private static final int MAX_REPUBLISHED = 400;

    private StatisticsTopology() {}

    public static Topology build(
            StreamsBuilder builder, ZoneId zone, int firstYear, Cadence cadence, Clock clock, MeterRegistry meters) {
        return build(builder, zone, firstYear, cadence, clock, meters, new UnitVersions());
    }

    /** @param versions told of every unit whose buckets change (reads reuse reports while nothing changed) */
    public static Topology build(
            StreamsBuilder builder,
            ZoneId zone,
            int firstYear,
            Cadence cadence,
            Clock clock,
            MeterRegistry meters,
            UnitVersions versions) {
        return build(builder, zone, firstYear, cadence, clock, meters, Stores::persistentKeyValueStore, versions);
    }

    /** @param stores how the state stores are kept (in memory in tests that pipe thousands of records) */
    public static Topology build(
            StreamsBuilder builder,
            ZoneId zone,
            int firstYear,
            Cadence cadence,
            Clock clock,
            MeterRegistry meters,
            Function<String, KeyValueBytesStoreSupplier> stores) {
        return build(builder, zone, firstYear, cadence, clock, meters, stores, new UnitVersions());
    }

    static Topology build(
            StreamsBuilder builder,
            ZoneId zone,
            int firstYear,
            Cadence cadence,
            Clock clock,
            MeterRegistry meters,
            Function<String, KeyValueBytesStoreSupplier> stores,
            UnitVersions versions) {
        Contributions contributions = new Contributions(zone);
        Timer freshness = Timer.builder("dossier.stats.freshness")
                .description("From a dossier event's acceptance to its effect being queryable")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60))
                .register(meters);

        builder.globalTable(
                Topics.UNITS,
                Consumed.with(Serdes.String(), JsonSerde.of(UnitRecord.class)),
                Materialized.<String, UnitRecord, KeyValueStore<Bytes, byte[]>>as(UNITS));

        CatalogueVersion catalogue = new CatalogueVersion();
        catalogueStore(builder, PROCEDURES, Topics.PROCEDURES, ProcedureRecord.class, catalogue);
        catalogueStore(builder, ASSIGNMENTS, Topics.UNIT_PROCEDURES, UnitProceduresRecord.class, catalogue);

        builder.addStateStore(
                Stores.keyValueStoreBuilder(stores.apply(LAST_FACTS), Serdes.String(), DossierFactSerde.serde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(USAGE), Serdes.String(), UsageStore.serde())
                .withCachingEnabled());
        // cached: the buckets of the running periods change with nearly every fact, and the cache writes each to the
        // store and its changelog once per commit instead of once per change
        builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(BUCKETS), Serdes.String(), CountsSerde.serde())
                .withCachingEnabled());

        builder.stream(
                        Topics.DOSSIER_FACTS,
                        Consumed.with(Serdes.String(), JsonSerde.of(DossierFact.class, JsonSerde.FACTS)))
                .process(() -> new FactDeltas(contributions), LAST_FACTS)
                .repartition(
                        Repartitioned.with(Serdes.String(), DeltaSerde.serde()).withName(UNIT_DELTAS))
                .process(
                        () -> new BucketAggregator(zone, firstYear, cadence, clock, freshness, versions, catalogue),
                        BUCKETS,
                        USAGE)
                .to(Topics.UNIT_STATS, Produced.with(Serdes.String(), JsonSerde.of(UnitStats.class)));
        return builder.build();
    }

    /** A catalogue topic kept whole in a global store (in memory: a few thousand records) by {@code catalogue}. */
    private static <V> void catalogueStore(
            StreamsBuilder builder, String store, String topic, Class<V> type, CatalogueVersion catalogue) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(store), Serdes.String(), JsonSerde.of(type))
                        .withLoggingDisabled(),
                topic,
                Consumed.with(Serdes.String(), JsonSerde.of(type)),
                () -> catalogue.<V>keeper(store));
    }

    /** Step 1: per dossier, the difference between its new and its previous contribution, per unit. */
    static final class FactDeltas implements Processor<String, DossierFact, String, Delta> {
        private final Contributions contributions;
        private ProcessorContext<String, Delta> context;
        private KeyValueStore<String, DossierFact> lastFacts;

        FactDeltas(Contributions contributions) {
            this.contributions = contributions;
        }

        @Override
        public void init(ProcessorContext<String, Delta> context) {
            this.context = context;
            this.lastFacts = context.getStateStore(LAST_FACTS);
        }

        @Override
        public void process(Record<String, DossierFact> record) {
            DossierFact fact = record.value();
            if (fact == null || record.key() == null) {
                return;
            }
            DossierFact previous = lastFacts.get(record.key());
            if (previous != null && previous.sequence() >= fact.sequence()) {
                return; // a redelivery or an older fact: already applied
            }
            lastFacts.put(record.key(), fact);
            Map<String, Map<String, Counts>> buckets = contributions.delta(previous, fact);
            Map<String, Map<String, ProcedureUsage>> usage = contributions.usageDelta(previous, fact);
            Set<String> units = new LinkedHashSet<>(buckets.keySet());
            units.addAll(usage.keySet());
            for (String unit : units) {
                context.forward(record.withKey(unit)
                        .withValue(new Delta(
                                buckets.getOrDefault(unit, Map.of()),
                                usage.getOrDefault(unit, Map.of()),
                                fact.acceptedAt())));
            }
        }
    }

    /** Steps 2 and 3: add into the unit's buckets, publish the statistics of the affected periods. */
    static final class BucketAggregator implements Processor<String, Delta, String, UnitStats> {
        private final ZoneId zone;
        private final int firstYear;
        private final Cadence cadence;
        private final Clock clock;
        private final Timer freshness;
        private final UnitVersions versions;
        private final CatalogueVersion catalogue;
        private final DirtyPeriods dirty = new DirtyPeriods(MAX_REPUBLISHED);

        private ProcessorContext<String, UnitStats> context;
        private KeyValueStore<String, Counts> buckets;
        private KeyValueStore<String, ProcedureUsage> usage;
        private BucketStore bucketStore;
        private PublishedProcedures procedures;

        BucketAggregator(
                ZoneId zone,
                int firstYear,
                Cadence cadence,
                Clock clock,
                Timer freshness,
                UnitVersions versions,
                CatalogueVersion catalogue) {
            this.zone = zone;
            this.firstYear = firstYear;
            this.cadence = cadence;
            this.clock = clock;
            this.freshness = freshness;
            this.versions = versions;
            this.catalogue = catalogue;
        }

        @Override
        public void init(ProcessorContext<String, UnitStats> context) {
            this.context = context;
            this.buckets = context.getStateStore(BUCKETS);
            this.usage = context.getStateStore(USAGE);
            this.bucketStore = new BucketStore(buckets);
            this.procedures = new PublishedProcedures(
                    new ProcedureIndex(usage, context.getStateStore(PROCEDURES), context.getStateStore(ASSIGNMENTS)),
                    context.getStateStore(UNITS),
                    catalogue,
                    clock);
            context.schedule(cadence.running(), PunctuationType.WALL_CLOCK_TIME, timestamp -> publish(false));
            context.schedule(cadence.past(), PunctuationType.WALL_CLOCK_TIME, timestamp -> publish(true));
        }

        @Override
        public void process(Record<String, Delta> record) {
            String unit = record.key();
            Instant acceptedAt = record.value().acceptedAt();
            for (Map.Entry<String, Counts> change : record.value().buckets().entrySet()) {
                Period period = Period.parse(change.getKey()).orElseThrow();
                String key = BucketStore.key(unit, period);
                Counts current = buckets.get(key);
                Counts updated = (current == null ? Counts.ZERO : current).plus(change.getValue());
                buckets.put(key, updated.isZero() ? null : updated);
                dirty.mark(unit, period, acceptedAt);
            }
            for (Map.Entry<String, ProcedureUsage> change :
                    record.value().usage().entrySet()) {
                String periodKey = change.getKey().substring(0, change.getKey().indexOf('|'));
                Period period = Period.parse(periodKey).orElseThrow();
                String key = UsageStore.key(unit, period, change.getKey());
                ProcedureUsage current = usage.get(key);
                ProcedureUsage before = current == null ? ProcedureUsage.ZERO : current;
                ProcedureUsage updated = before.plus(change.getValue());
                usage.put(key, updated.isZero() ? null : updated);
                if (before.presence() != updated.presence()) {
                    procedures.changed(unit, period);
                    dirty.mark(unit, period, acceptedAt);
                }
            }
            // after the writes: a reader that sees the new version reads them
            versions.changed(unit);
            if (acceptedAt != null) {
                freshness.record(Duration.between(acceptedAt, clock.instant()).abs());
            }
        }

        /** @param past whether the earlier periods are due too, or only the running ones */
        private void publish(boolean past) {
            // a catalogue change moves the index of every figure published with the catalogue before it
            procedures.republishOnCatalogueChange((unit, period) -> dirty.mark(unit, period, null));
            if (dirty.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, zone);
            // the buckets stand still until the publication ends: each prefix sum is read once for every period
            ReportCalculator calculator = new ReportCalculator(new RememberedSums(bucketStore), firstYear);
            for (DirtyPeriods.Run run : dirty.drain(today, past)) {
                List<PeriodCounts> counts = calculator.counts(run.unit(), run.periods(), today);
                for (int i = 0; i < counts.size(); i++) {
                    Period of = run.periods().get(i);
                    String period = of.key();
                    PeriodCounts withProcedures = counts.get(i).withProcedures(procedures.of(run.unit(), of));
                    UnitStats stats = new UnitStats(run.unit(), period, withProcedures, now, run.lastAcceptedAt());
                    context.forward(new Record<>(run.unit() + "|" + period, stats, now.toEpochMilli()));
                }
            }
        }
    }
}
