package vn.dossierstats.metrics.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import vn.dossierstats.metrics.period.Period;
import vn.dossierstats.metrics.report.Counts;
import vn.dossierstats.metrics.report.ReportCalculator;

/**
 * Dossier facts → per-unit, per-period counts → unit statistics.
 *
 * <ol>
 *   <li>Keyed by dossier: the last applied fact is kept; a fact whose sequence is not newer is ignored, otherwise
 *       the old contribution is taken back and the new one added (retract and add, never counted twice).
 *   <li>Re-keyed by {@code unit|period}: the deltas are added into the bucket store that queries read.
 *   <li>Every changed bucket republishes the statistics of its period and of the later periods up to today, whose
 *       carried-over and in-progress counts it also changes.
 * </ol>
 */
public final class StatisticsTopology {

    public static final String LAST_FACTS = "last-facts";
    public static final String BUCKETS = "buckets";
    public static final String UNITS = "units";
    /** How many later periods a late change republishes at most (older ones are recomputed on read). */
    private static final int MAX_REPUBLISHED = 400;

    private StatisticsTopology() {}

    public static Topology build(
            StreamsBuilder builder, ZoneId zone, int firstYear, Clock clock, MeterRegistry meters) {
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

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LAST_FACTS), Serdes.String(), JsonSerde.of(DossierFact.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(BUCKETS), Serdes.String(), JsonSerde.of(Counts.class)));

        builder.stream(Topics.DOSSIER_FACTS, Consumed.with(Serdes.String(), JsonSerde.of(DossierFact.class)))
                .process(() -> new FactDeltas(contributions), LAST_FACTS)
                .repartition(Repartitioned.with(Serdes.String(), JsonSerde.of(Delta.class))
                        .withName("unit-deltas"))
                .process(() -> new BucketAggregator(zone, firstYear, clock, freshness), BUCKETS)
                .to(Topics.UNIT_STATS, Produced.with(Serdes.String(), JsonSerde.of(UnitStats.class)));
        return builder.build();
    }

    /** Step 1: per dossier, the difference between its new and its previous contribution. */
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
            for (Map.Entry<String, Counts> change :
                    contributions.delta(previous, fact).entrySet()) {
                context.forward(
                        record.withKey(change.getKey()).withValue(new Delta(change.getValue(), fact.acceptedAt())));
            }
        }
    }

    /** Steps 2 and 3: add into the buckets, publish the statistics of the affected periods. */
    static final class BucketAggregator implements Processor<String, Delta, String, UnitStats> {
        private final ZoneId zone;
        private final int firstYear;
        private final Clock clock;
        private final Timer freshness;
        private ProcessorContext<String, UnitStats> context;
        private KeyValueStore<String, Counts> buckets;
        private ReportCalculator calculator;

        BucketAggregator(ZoneId zone, int firstYear, Clock clock, Timer freshness) {
            this.zone = zone;
            this.firstYear = firstYear;
            this.clock = clock;
            this.freshness = freshness;
        }

        @Override
        public void init(ProcessorContext<String, UnitStats> context) {
            this.context = context;
            this.buckets = context.getStateStore(BUCKETS);
            this.calculator = new ReportCalculator(
                    (unit, period) -> {
                        Counts counts = buckets.get(unit + "|" + period);
                        return counts == null ? Counts.ZERO : counts;
                    },
                    firstYear);
        }

        @Override
        public void process(Record<String, Delta> record) {
            String key = record.key();
            Counts current = buckets.get(key);
            Counts updated = (current == null ? Counts.ZERO : current)
                    .plus(record.value().counts());
            buckets.put(key, updated.isZero() ? null : updated);
            Instant now = clock.instant();
            if (record.value().acceptedAt() != null) {
                freshness.record(
                        Duration.between(record.value().acceptedAt(), now).abs());
            }
            int split = key.lastIndexOf('|');
            String unit = key.substring(0, split);
            Period changed = Period.parse(key.substring(split + 1)).orElseThrow();
            LocalDate today = LocalDate.ofInstant(now, zone);
            Period running = Period.of(changed.granularity(), today);
            Period period = changed;
            for (int i = 0; i < MAX_REPUBLISHED && period.compareTo(running) <= 0; i++) {
                publish(record, unit, period, today, now);
                period = period.next();
            }
            if (changed.compareTo(running) > 0) {
                publish(record, unit, changed, today, now); // dated slightly ahead of the clock
            }
        }

        private void publish(Record<String, Delta> record, String unit, Period period, LocalDate today, Instant now) {
            LocalDate end = period.end().isAfter(today) ? today.plusDays(1) : period.end();
            UnitStats stats = new UnitStats(
                    unit,
                    period.key(),
                    calculator.counts(unit, period, end),
                    now,
                    record.value().acceptedAt());
            context.forward(record.withKey(unit + "|" + period.key()).withValue(stats));
        }
    }
}
