package vn.dossierstats.metrics.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.JsonNode;
import vn.dossierstats.metrics.report.Counts;
import vn.dossierstats.metrics.report.ReportCalculator;
import vn.dossierstats.unitstats.Granularity;
import vn.dossierstats.unitstats.Period;
import vn.dossierstats.unitstats.PeriodCounts;
import vn.dossierstats.unitstats.index.IndexInputs;

/**
 * The live topology against an oracle: thousands of random dossiers, each delivered as a series of fact snapshots
 * (provisional classifications corrected later, payments, overdue marks), interleaved across dossiers, with
 * duplicates and stale redeliveries. Every report of every unit, ancestor and period, and every published unit
 * statistic with its procedure-based index counts, must equal what plain loops over the dossiers' final states give.
 */
class StatisticsOracleTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Instant NOW = Instant.parse("2026-07-20T03:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZONE);
    private static final Cadence CADENCE = new Cadence(Duration.ofMillis(200), Duration.ofSeconds(1));
    private static final PeriodCounts EMPTY = new PeriodCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    private static final Instant HISTORY_START = Instant.parse("2025-10-01T00:00:00Z");
    /** Province P1 with communes P1.A and P1.B; province P2 with commune P2.A, and dossiers at P2 itself. */
    private static final Map<String, List<String>> PATHS = Map.of(
            "P1.A", List.of("P1", "P1.A"),
            "P1.B", List.of("P1", "P1.B"),
            "P2.A", List.of("P2", "P2.A"),
            "P2", List.of("P2"));

    private static final List<String> UNITS = List.of("P1", "P1.A", "P1.B", "P2", "P2.A");

    /** The catalogue of the national index: 1.E is not in it (no traits); P1.A and P2 have procedures assigned. */
    private static final List<String> PROCEDURES = List.of("1.A", "1.B", "1.C", "1.D", "1.E");

    private static final Map<String, String> CATALOGUE = Map.of(
            "1.A", "{\"code\":\"1.A\",\"onlineLevel\":\"FULL\",\"feeCharging\":true}",
            "1.B", "{\"code\":\"1.B\",\"onlineLevel\":\"PARTIAL\",\"feeCharging\":false}",
            "1.C", "{\"code\":\"1.C\",\"onlineLevel\":\"NONE\",\"feeCharging\":true}",
            "1.D", "{\"code\":\"1.D\"}");
    private static final Map<String, List<String>> ASSIGNED =
            Map.of("P1.A", List.of("1.A", "1.C"), "P2", List.of("1.B"));
    private static final List<String> CHANNELS = List.of("ONLINE", "DIRECT", "POSTAL");
    private static final List<String> CLASSES = List.of("EARLY", "ON_TIME", "LATE");

    @Property(tries = 4)
    void everyReportOfEveryUnitAndPeriodEqualsTheOracle(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        List<Dossier> dossiers = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            dossiers.add(randomDossier("D" + i, random));
        }
        List<String> deliveries = deliveries(dossiers, random);

        try (TopologyTestDriver driver = driver()) {
            pipeCatalogue(driver);
            TestInputTopic<String, String> facts =
                    driver.createInputTopic(Topics.DOSSIER_FACTS, new StringSerializer(), new StringSerializer());
            for (int i = 0; i < deliveries.size(); i++) {
                String fact = deliveries.get(i);
                facts.pipeInput(JsonSerde.JSON.readTree(fact).get("dossierId").asString(), fact);
                if (i % 400 == 399) { // publications interleave with the stream, at both cadences
                    driver.advanceWallClockTime(Duration.ofMillis(250));
                }
            }
            driver.advanceWallClockTime(CADENCE.past());
            Map<String, String> published = driver.createOutputTopic(
                            Topics.UNIT_STATS, new StringDeserializer(), new StringDeserializer())
                    .readKeyValuesToMap();

            KeyValueStore<String, Counts> store = driver.getKeyValueStore(StatisticsTopology.BUCKETS);
            ReportCalculator live = new ReportCalculator(new BucketStore(store), 2000);
            ProcedureIndex procedureIndex = new ProcedureIndex(
                    driver.getKeyValueStore(StatisticsTopology.USAGE),
                    driver.getKeyValueStore(StatisticsTopology.PROCEDURES),
                    driver.getKeyValueStore(StatisticsTopology.ASSIGNMENTS));

            int compared = 0;
            for (String unit : UNITS) {
                for (Period period : periods()) {
                    PeriodCounts expected = oracle(dossiers, unit, period);
                    PeriodCounts actual = live.counts(unit, period, judgedAt(period));
                    assertThat(actual).as("%s %s (seed %d)", unit, period, seed).isEqualTo(expected);
                    assertThat(actual.totalToProcess()).isEqualTo(actual.ended() + actual.inProgress());
                    String stats = published.get(unit + "|" + period.key());
                    IndexInputs.ProcedureInputs procedures =
                            stats == null && expected.equals(EMPTY) ? null : procedureOracle(dossiers, unit, period);
                    if (period.compareTo(Period.of(period.granularity(), TODAY)) <= 0 && !expected.equals(EMPTY)) {
                        assertThat(stats)
                                .as("%s %s published (seed %d)", unit, period, seed)
                                .isNotNull();
                    }
                    if (stats != null) {
                        JsonNode counts = JsonSerde.JSON.readTree(stats).get("counts");
                        // the procedure-based counts have an oracle of their own (ProcedureUsageOracleTest)
                        PeriodCounts publishedCounts = JsonSerde.JSON.treeToValue(counts, PeriodCounts.class);
                        assertThat(publishedCounts.withProcedures(null))
                                .as("published %s %s (seed %d)", unit, period, seed)
                                .isEqualTo(expected);
                        assertThat(publishedCounts.procedures())
                                .as("published procedure counts %s %s (seed %d)", unit, period, seed)
                                .isEqualTo(procedures);
                    }
                    if (!expected.equals(EMPTY)) {
                        assertThat(procedureIndex.of(unit, period, subtree(unit)))
                                .as("procedure counts as read %s %s (seed %d)", unit, period, seed)
                                .isEqualTo(procedures);
                    }
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(1000);
            // every running period of every unit with data was published
            assertThat(published).containsKeys("P1|2026-07", "P1.A|2026-07-20", "P2|2026-Q3", "P2.A|2026");
        }
    }

    /** The period report of domain.md, from the final state of every dossier, with plain loops. */
    private static PeriodCounts oracle(List<Dossier> dossiers, String unit, Period period) {
        Instant s = period.start().atStartOfDay(ZONE).toInstant();
        Instant e = judgedAt(period).atStartOfDay(ZONE).toInstant();
        long carriedOver = 0, received = 0, online = 0, direct = 0, postal = 0;
        long early = 0, onTime = 0, late = 0, within = 0, overdue = 0;
        long digitized = 0, fee = 0, paidOnline = 0, digitizedToProcess = 0;
        for (Dossier d : dossiers) {
            if (d.refused || !PATHS.get(d.unit).contains(unit) || !d.receivedAt.isBefore(e)) {
                continue;
            }
            boolean endedBeforeStart = d.endedAt != null && d.endedAt.isBefore(s);
            boolean endedBeforeEnd = d.endedAt != null && d.endedAt.isBefore(e);
            // the national index's digitised among totalToProcess (these dossiers have no result flag nor rating)
            digitizedToProcess += d.digitized && !endedBeforeStart ? 1 : 0;
            if (d.receivedAt.isBefore(s)) {
                if (!endedBeforeStart) {
                    carriedOver++;
                }
            } else {
                received++;
                switch (d.channel) {
                    case "ONLINE" -> online++;
                    case "DIRECT" -> direct++;
                    default -> postal++;
                }
                digitized += d.digitized ? 1 : 0;
                if (d.feeRequired) {
                    fee++;
                    paidOnline += d.paidOnlineAt != null && d.paidOnlineAt.isBefore(e) ? 1 : 0;
                }
            }
            if (endedBeforeEnd && !endedBeforeStart) {
                switch (d.classification) {
                    case "EARLY" -> early++;
                    case "ON_TIME" -> onTime++;
                    default -> late++;
                }
            } else if (!endedBeforeEnd) {
                if (d.overdueSince != null && d.overdueSince.isBefore(e)) {
                    overdue++;
                } else {
                    within++;
                }
            }
        }
        return new PeriodCounts(
                carriedOver,
                received,
                online,
                direct,
                postal,
                early,
                onTime,
                late,
                within,
                overdue,
                digitized,
                fee,
                paidOnline,
                0,
                0,
                digitizedToProcess);
    }

    /**
     * The procedure-based counts of domain.md with plain loops: each unit's procedures in scope (assigned, else those
     * it received a dossier of in the period), distinct across the subtree; online-offered unit–procedure pairs and
     * those the unit received an online dossier of; fee-charging procedures with a dossier, and with one paid online
     * before the period's end, anywhere in the subtree.
     */
    private static IndexInputs.ProcedureInputs procedureOracle(List<Dossier> dossiers, String unit, Period period) {
        Instant s = period.start().atStartOfDay(ZONE).toInstant();
        Instant e = period.end().atStartOfDay(ZONE).toInstant();
        List<Dossier> inPeriod = dossiers.stream()
                .filter(d -> !d.refused && !d.receivedAt.isBefore(s) && d.receivedAt.isBefore(e))
                .toList();
        java.util.Set<String> inScope = new java.util.TreeSet<>();
        boolean anyAssigned = false;
        long pairs = 0, pairsUsed = 0;
        for (String member : subtree(unit)) {
            List<String> scope = ASSIGNED.getOrDefault(member, List.of());
            anyAssigned |= !scope.isEmpty();
            if (scope.isEmpty()) {
                scope = inPeriod.stream()
                        .filter(d -> d.unit.equals(member))
                        .map(Dossier::procedure)
                        .distinct()
                        .toList();
            }
            for (String procedure : scope) {
                inScope.add(procedure);
                if (online(procedure)) {
                    pairs++;
                    if (inPeriod.stream()
                            .anyMatch(d -> d.unit.equals(member)
                                    && d.procedure.equals(procedure)
                                    && d.channel.equals("ONLINE"))) {
                        pairsUsed++;
                    }
                }
            }
        }
        List<Dossier> inSubtree =
                inPeriod.stream().filter(d -> PATHS.get(d.unit).contains(unit)).toList();
        long offered = inScope.stream().filter(StatisticsOracleTest::online).count();
        List<String> fee = inScope.stream()
                .filter(p -> CATALOGUE.getOrDefault(p, "").contains("\"feeCharging\":true"))
                .toList();
        long used = fee.stream()
                .filter(p -> inSubtree.stream().anyMatch(d -> d.procedure.equals(p)))
                .count();
        long paid = fee.stream()
                .filter(p -> inSubtree.stream()
                        .anyMatch(d -> d.procedure.equals(p)
                                && d.feeRequired
                                && d.paidOnlineAt != null
                                && d.paidOnlineAt.isBefore(e)))
                .count();
        return new IndexInputs.ProcedureInputs(
                anyAssigned ? IndexInputs.ProcedureScope.ASSIGNED : IndexInputs.ProcedureScope.RECEIVED,
                inScope.size(),
                offered,
                pairs,
                pairsUsed,
                fee.size(),
                paid,
                used);
    }

    private static boolean online(String procedure) {
        String record = CATALOGUE.getOrDefault(procedure, "");
        return record.contains("FULL") || record.contains("PARTIAL");
    }

    /** The unit and the units below it. */
    private static List<String> subtree(String unit) {
        return UNITS.stream()
                .filter(u -> u.equals(unit) || u.startsWith(unit + "."))
                .toList();
    }

    /** The units, the procedures and their assignments, as dossier-service publishes them. */
    private static void pipeCatalogue(TopologyTestDriver driver) {
        TestInputTopic<String, String> units =
                driver.createInputTopic(Topics.UNITS, new StringSerializer(), new StringSerializer());
        for (String unit : UNITS) {
            String parent = unit.contains(".") ? unit.substring(0, unit.indexOf('.')) : null;
            units.pipeInput(
                    unit,
                    "{\"code\":\"%s\",\"name\":\"%s\",\"level\":\"%s\",\"parentCode\":%s}"
                            .formatted(unit, unit, parent == null ? "PROVINCE" : "COMMUNE", quoted(parent)));
        }
        TestInputTopic<String, String> procedures =
                driver.createInputTopic(Topics.PROCEDURES, new StringSerializer(), new StringSerializer());
        CATALOGUE.forEach(procedures::pipeInput);
        TestInputTopic<String, String> assigned =
                driver.createInputTopic(Topics.UNIT_PROCEDURES, new StringSerializer(), new StringSerializer());
        ASSIGNED.forEach((unit, codes) -> assigned.pipeInput(
                unit,
                "{\"unitCode\":\"%s\",\"procedures\":%s}".formatted(unit, JsonSerde.JSON.writeValueAsString(codes))));
    }

    /** The instant (a local day boundary) a period is judged at: its end, or the end of today while it runs. */
    private static LocalDate judgedAt(Period period) {
        return period.end().isAfter(TODAY) ? TODAY.plusDays(1) : period.end();
    }

    private static List<Period> periods() {
        List<Period> periods = new ArrayList<>();
        LocalDate first = LocalDate.ofInstant(HISTORY_START, ZONE).minusDays(3);
        for (Granularity granularity : Granularity.values()) {
            for (Period p = Period.of(granularity, first); !p.start().isAfter(TODAY); p = p.next()) {
                periods.add(p);
            }
        }
        return periods;
    }

    /** A dossier's final state; times at random minutes, some on local midnight to probe the boundaries. */
    private record Dossier(
            String id,
            String unit,
            boolean refused,
            String channel,
            boolean digitized,
            boolean feeRequired,
            Instant receivedAt,
            Instant paidOnlineAt,
            Instant overdueSince,
            Instant endedAt,
            String classification,
            String procedure) {}

    private static Dossier randomDossier(String id, Random random) {
        List<String> units = List.copyOf(PATHS.keySet()).stream().sorted().toList();
        String unit = units.get(random.nextInt(units.size()));
        Instant received = randomInstantBetween(HISTORY_START, NOW, random);
        boolean feeRequired = random.nextInt(3) == 0;
        Instant paid = feeRequired && random.nextBoolean() ? laterBy(received, 20, random) : null;
        Instant ended = random.nextInt(4) == 0 ? null : laterBy(received, 70, random);
        Instant overdue = random.nextInt(3) == 0
                ? laterBy(received, 40, random)
                : null; // may fall after the end: then it never happened
        if (overdue != null && ended != null && !overdue.isBefore(ended)) {
            overdue = null;
        }
        return new Dossier(
                id,
                unit,
                random.nextInt(15) == 0,
                CHANNELS.get(random.nextInt(CHANNELS.size())),
                random.nextInt(4) != 0,
                feeRequired,
                received,
                paid,
                overdue,
                ended,
                ended == null ? null : CLASSES.get(random.nextInt(CLASSES.size())),
                PROCEDURES.get(random.nextInt(PROCEDURES.size())));
    }

    /** An instant up to {@code days} after {@code from}, or null when that is after now (has not happened). */
    private static Instant laterBy(Instant from, int days, Random random) {
        Instant at = from.plus(Duration.ofMinutes(random.nextLong(days * 24L * 60)));
        if (random.nextInt(10) == 0) {
            at = LocalDate.ofInstant(at, ZONE).atStartOfDay(ZONE).toInstant(); // exactly on a day boundary
        }
        return at.isAfter(NOW) ? null : at;
    }

    private static Instant randomInstantBetween(Instant from, Instant to, Random random) {
        return from.plusSeconds(random.nextLong(Duration.between(from, to).toSeconds()));
    }

    /**
     * Every dossier's snapshots in sequence order (receipt, payment, overdue, a provisional end corrected later,
     * the final state), interleaved at random across dossiers; then exact duplicates and stale redeliveries.
     */
    private static List<String> deliveries(List<Dossier> dossiers, Random random) {
        Map<String, List<String>> byDossier = new LinkedHashMap<>();
        for (Dossier d : dossiers) {
            List<String> snapshots = new ArrayList<>();
            int sequence = 1;
            snapshots.add(fact(d, sequence++, null, null, null, null));
            if (d.paidOnlineAt != null) {
                snapshots.add(fact(d, sequence++, d.paidOnlineAt, null, null, null));
            }
            if (d.overdueSince != null) {
                snapshots.add(fact(d, sequence++, d.paidOnlineAt, d.overdueSince, null, null));
            }
            if (d.endedAt != null && random.nextInt(4) == 0) {
                // a provisional end that a late event moves and reclassifies
                Instant provisional = d.endedAt.minus(Duration.ofHours(random.nextInt(48)));
                String provisionalClass = CLASSES.get(random.nextInt(CLASSES.size()));
                snapshots.add(fact(d, sequence++, d.paidOnlineAt, null, provisional, provisionalClass));
            }
            snapshots.add(fact(d, sequence, d.paidOnlineAt, d.overdueSince, d.endedAt, d.classification));
            byDossier.put(d.id, snapshots);
        }
        List<String> order = new ArrayList<>();
        byDossier.forEach((id, snapshots) -> snapshots.forEach(s -> order.add(id)));
        Collections.shuffle(order, random);
        Map<String, Integer> next = new LinkedHashMap<>();
        List<String> deliveries = new ArrayList<>();
        for (String id : order) {
            List<String> snapshots = byDossier.get(id);
            int index = next.merge(id, 1, Integer::sum) - 1;
            deliveries.add(snapshots.get(index));
            if (random.nextInt(10) == 0) {
                deliveries.add(snapshots.get(random.nextInt(index + 1))); // a duplicate or a stale redelivery
            }
        }
        return deliveries;
    }

    private static String fact(
            Dossier d, int sequence, Instant paidOnline, Instant overdueSince, Instant endedAt, String classification) {
        String status = d.refused ? "REFUSED" : endedAt == null ? "OPEN" : "RESOLVED";
        return """
                {"dossierId":"%s","sequence":%d,"acceptedAt":"2026-07-20T02:59:00Z","unitCode":"%s",
                 "unitPath":%s,"channel":"%s","status":"%s","receivedAt":"%s","overdueSince":%s,"endedAt":%s,
                 "classification":%s,"digitized":%s,"feeRequired":%s,"paidOnlineAt":%s,"procedureCode":"%s"}""".formatted(
                        d.id,
                        sequence,
                        d.unit,
                        JsonSerde.JSON.writeValueAsString(PATHS.get(d.unit)),
                        d.channel,
                        status,
                        d.receivedAt,
                        quoted(overdueSince),
                        quoted(endedAt),
                        quoted(classification),
                        d.digitized,
                        d.feeRequired,
                        quoted(paidOnline),
                        d.procedure);
    }

    private static String quoted(Instant value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static TopologyTestDriver driver() throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "oracle-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("oracle-test").toString());
        return new TopologyTestDriver(
                StatisticsTopology.build(
                        new StreamsBuilder(),
                        ZONE,
                        2000,
                        CADENCE,
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        new SimpleMeterRegistry(),
                        Stores::inMemoryKeyValueStore),
                config);
    }
}
