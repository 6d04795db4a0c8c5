package vn.dossierstats.dossier.dvcqg;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import vn.dossierstats.dossier.DossierProperties;
import vn.dossierstats.dossier.catalogue.Catalogue;
import vn.dossierstats.dossier.history.DossierStore;
import vn.dossierstats.dossier.ingest.IngestResult;
import vn.dossierstats.dossier.ingest.Ingestion;
import vn.dossierstats.dossier.lifecycle.DossierEvent;

/**
 * Applies DVCQG pushes: each dossier's snapshot (or progress items) is read, its unit found by DVCQG code, translated
 * against the events held ({@link SnapshotTranslation}) and the events submitted through the same ingestion as
 * {@code /api/v1/dossier-events}, each dossier's all together or not at all. A dossier that fails leaves nothing; the
 * others of the request apply.
 */
@Service
class DvcqgSync {

    /** Where the unit of a pushed dossier comes from: the envelope's {@code madonvi}, else the query's. */
    record UnitHint(String code, String field) {

        static final UnitHint NONE = new UnitHint(null, null);
    }

    private final Catalogue catalogue;
    private final DossierStore dossiers;
    private final Ingestion ingestion;
    private final DvcqgStore store;
    private final SnapshotReader reader;
    private final Clock clock;
    private final DossierProperties properties;

    DvcqgSync(
            Catalogue catalogue,
            DossierStore dossiers,
            Ingestion ingestion,
            DvcqgStore store,
            DossierProperties properties,
            Clock clock) {
        this.catalogue = catalogue;
        this.dossiers = dossiers;
        this.ingestion = ingestion;
        this.store = store;
        this.reader = new SnapshotReader(properties.timeZone());
        this.clock = clock;
        this.properties = properties;
    }

    /** A translated dossier, ready to submit. */
    private record Ready(
            String dossierCode, String unitCode, DvcqgStore.Pushed pushed, SnapshotTranslation.Plan plan) {}

    /** {@code DongBoHoSoMC}: the outcome of each snapshot, in the order sent. */
    List<DossierOutcome> snapshots(String source, UnitHint hint, List<JsonNode> items) {
        // several snapshots of one dossier in one request are its successive states: they go in rounds, the k-th
        // snapshot of every dossier in round k, each round translated against what the rounds before applied
        List<DossierOutcome> outcomes = new ArrayList<>(items.size());
        items.forEach(item -> outcomes.add(null));
        Map<String, Integer> seen = new HashMap<>();
        List<List<Integer>> rounds = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String code = SnapshotReader.dossierCodeOf(items.get(i));
            int round = code == null ? 0 : seen.merge(code, 1, Integer::sum) - 1;
            while (rounds.size() <= round) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        for (List<Integer> round : rounds) {
            Map<Integer, Snapshot> read = new LinkedHashMap<>();
            Map<Integer, String> units = new HashMap<>();
            for (int i : round) {
                String code = SnapshotReader.dossierCodeOf(items.get(i));
                try {
                    Snapshot snapshot = reader.snapshot(items.get(i));
                    units.put(i, unitOf(snapshot, hint));
                    if (catalogue.procedure(snapshot.procedureCode()).isEmpty()) {
                        throw new SnapshotFailure(
                                "MaTTHC",
                                "unknown procedure " + snapshot.procedureCode() + ": ask an administrator to add it");
                    }
                    read.put(i, snapshot);
                } catch (SnapshotFailure failure) {
                    outcomes.set(i, DossierOutcome.failed(code, failure.field(), failure.getMessage()));
                }
            }
            Set<String> codes = new LinkedHashSet<>();
            read.values().forEach(s -> codes.add(s.dossierCode()));
            Map<String, DvcqgStore.Pushed> pushed = store.pushed(source, codes);
            Map<Integer, Ready> ready = new LinkedHashMap<>();
            read.forEach((i, snapshot) -> {
                DvcqgStore.Pushed before = pushed.getOrDefault(snapshot.dossierCode(), DvcqgStore.Pushed.NONE);
                DvcqgStore.Pushed after = new DvcqgStore.Pushed(snapshot, before.progress());
                ready.put(i, new Ready(snapshot.dossierCode(), units.get(i), after, null));
            });
            submit(source, ready, outcomes);
        }
        return outcomes;
    }

    /** {@code CapNhatTienDoHoSoMC}: the outcome of each dossier the items are about, in the order first named. */
    List<DossierOutcome> progress(String source, List<JsonNode> items) {
        Map<String, List<ProgressItem>> byDossier = new LinkedHashMap<>();
        Map<String, DossierOutcome> failed = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String code = SnapshotReader.dossierCodeOf(items.get(i));
            try {
                ProgressItem item = reader.progress(items.get(i));
                if (!failed.containsKey(item.dossierCode())) {
                    byDossier
                            .computeIfAbsent(item.dossierCode(), c -> new ArrayList<>())
                            .add(item);
                }
            } catch (SnapshotFailure failure) {
                String key = code == null ? "#" + i : code;
                byDossier.remove(key);
                failed.putIfAbsent(
                        key, DossierOutcome.failed(code, "data[" + i + "]." + failure.field(), failure.getMessage()));
            }
        }
        Map<String, DvcqgStore.Pushed> pushed = store.pushed(source, byDossier.keySet());
        List<DossierOutcome> outcomes = new ArrayList<>();
        Map<Integer, Ready> ready = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(byDossier.keySet());
        for (int k = 0; k < order.size(); k++) {
            String code = order.get(k);
            DvcqgStore.Pushed before = pushed.getOrDefault(code, DvcqgStore.Pushed.NONE);
            Set<ProgressItem> merged = new LinkedHashSet<>(before.progress());
            merged.addAll(byDossier.get(code));
            DvcqgStore.Pushed after = new DvcqgStore.Pushed(before.snapshot(), List.copyOf(merged));
            outcomes.add(null);
            if (after.snapshot() == null) {
                // no snapshot yet to say the unit and the receipt: kept, translated when the snapshot comes
                store.save(source, code, null, after, List.of(), clock.instant());
                outcomes.set(k, DossierOutcome.stored(code, "kept: applied when the dossier's DongBoHoSoMC arrives"));
            } else {
                try {
                    ready.put(k, new Ready(code, unitOf(after.snapshot(), UnitHint.NONE), after, null));
                } catch (SnapshotFailure failure) {
                    outcomes.set(k, DossierOutcome.failed(code, failure.field(), failure.getMessage()));
                }
            }
        }
        submit(source, ready, outcomes);
        outcomes.addAll(failed.values());
        return outcomes;
    }

    /** Translates each ready dossier against what is held, submits all their events at once, and records outcomes. */
    private void submit(String source, Map<Integer, Ready> ready, List<DossierOutcome> outcomes) {
        if (ready.isEmpty()) {
            return;
        }
        Set<String> codes = new LinkedHashSet<>();
        ready.values().forEach(r -> codes.add(r.dossierCode()));
        Map<String, List<DossierEvent>> held = dossiers.histories(codes);
        Instant now = clock.instant();
        Map<Integer, Ready> planned = new LinkedHashMap<>();
        List<DossierEvent> events = new ArrayList<>();
        Map<DossierEvent, String> fields = new HashMap<>();
        for (Map.Entry<Integer, Ready> entry : ready.entrySet()) {
            Ready r = entry.getValue();
            try {
                SnapshotTranslation.Plan plan = SnapshotTranslation.translate(
                        new SnapshotTranslation.Context(
                                source,
                                r.unitCode(),
                                now,
                                now.plus(properties.maxClockSkew()),
                                properties.earliestEvent()),
                        r.pushed().snapshot(),
                        r.pushed().progress(),
                        held.getOrDefault(r.dossierCode(), List.of()));
                plan.events().forEach(p -> {
                    events.add(p.event());
                    fields.put(p.event(), p.field());
                });
                planned.put(entry.getKey(), new Ready(r.dossierCode(), r.unitCode(), r.pushed(), plan));
            } catch (SnapshotFailure failure) {
                outcomes.set(
                        entry.getKey(), DossierOutcome.failed(r.dossierCode(), failure.field(), failure.getMessage()));
            }
        }
        Map<String, List<Ingestion.Outcome>> byDossier = new HashMap<>();
        for (Ingestion.Outcome outcome : ingestion.ingestWholeDossiers(events)) {
            byDossier
                    .computeIfAbsent(outcome.event().dossierId(), c -> new ArrayList<>())
                    .add(outcome);
        }
        planned.forEach((index, r) -> {
            List<Ingestion.Outcome> results = byDossier.getOrDefault(r.dossierCode(), List.of());
            Ingestion.Outcome refused = results.stream()
                    .filter(o -> o.refusal() != null)
                    .findFirst()
                    .orElse(null);
            if (refused != null) {
                outcomes.set(
                        index,
                        DossierOutcome.failed(
                                r.dossierCode(),
                                fieldOf(refused, fields),
                                refused.refusal().getMessage()));
                return;
            }
            long accepted = results.stream()
                    .filter(o -> o.result().status() == IngestResult.Status.ACCEPTED)
                    .count();
            store.save(
                    source, r.dossierCode(), r.unitCode(), r.pushed(), r.plan().waitingFor(), now);
            outcomes.set(
                    index,
                    DossierOutcome.applied(
                            r.dossierCode(),
                            (int) accepted,
                            results.size() - (int) accepted,
                            r.plan().waitingFor()));
        });
    }

    private static String fieldOf(Ingestion.Outcome refused, Map<DossierEvent, String> fields) {
        return switch (refused.refusal().reason()) {
            case OUT_OF_SCOPE -> "madonvi";
            case UNKNOWN_CATALOGUE_ENTRY ->
                refused.refusal().getMessage().startsWith("procedureCode") ? "MaTTHC" : "madonvi";
            default -> fields.getOrDefault(refused.event(), "TrangThaiHoSo");
        };
    }

    /** The unit: {@code madonvi}, else {@code MaDinhDanhDV}, else the prefix of {@code MaHoSo}, as a DVCQG code. */
    private String unitOf(Snapshot snapshot, UnitHint hint) {
        String code =
                hint.code() != null && !hint.code().isBlank() ? hint.code().trim() : snapshot.unitPrefix();
        String field = hint.code() != null && !hint.code().isBlank() ? hint.field() : "MaHoSo";
        if (code == null) {
            throw new SnapshotFailure(
                    "madonvi", "no unit: send madonvi (or MaDinhDanhDV), or a MaHoSo prefixed with the unit's code");
        }
        return catalogue
                .unitOfDvcqgCode(code)
                .orElseThrow(() -> new SnapshotFailure(
                        field,
                        "unknown unit: no unit has DVCQG code " + code
                                + " (an administrator sets it with PUT /api/v1/units/{code} {\"dvcqgCode\": ...})"));
    }

    /** {@code TraCuuHoSo}: whether the dossier is known, and its last pushed status. */
    java.util.Optional<java.util.Optional<Integer>> lookUp(String dossierCode) {
        var pushed = store.lookUp(dossierCode);
        if (pushed.isPresent()) {
            return pushed;
        }
        return dossiers.events(dossierCode).isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(java.util.Optional.empty());
    }

    Clock clock() {
        return clock;
    }
}
