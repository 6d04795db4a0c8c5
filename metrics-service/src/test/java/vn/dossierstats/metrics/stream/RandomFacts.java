package vn.dossierstats.metrics.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Facts as a rebuild meets them on the topic: several sequences per dossier (opened, overdue, ended, reclassified,
 * refused after all), some sent again, some arriving after a newer one, dossiers interleaved. Seeded: a failure can be
 * replayed.
 */
public final class RandomFacts {

    private static final String[] CHANNELS = {"ONLINE", "DIRECT", "POSTAL"};
    private static final String[] CLASSES = {"EARLY", "ON_TIME", "LATE"};

    private RandomFacts() {}

    /**
     * @param province the unit code of the province; communes are {@code province.001} to {@code .004}
     * @param before every receipt lies in the 400 days before this instant
     */
    public static List<DossierFact> generate(Random random, String province, int dossiers, Instant before) {
        List<List<DossierFact>> histories = new ArrayList<>();
        for (int d = 0; d < dossiers; d++) {
            histories.add(history(random, province, province + "-" + d, before));
        }
        List<DossierFact> sent = new ArrayList<>();
        // interleave the dossiers, each in its own order but for the disorder made below
        List<Integer> turns = new ArrayList<>();
        for (int d = 0; d < dossiers; d++) {
            for (int i = 0; i < histories.get(d).size(); i++) {
                turns.add(d);
            }
        }
        Collections.shuffle(turns, random);
        int[] next = new int[dossiers];
        for (int d : turns) {
            sent.add(histories.get(d).get(next[d]++));
        }
        return sent;
    }

    private static List<DossierFact> history(Random random, String province, String id, Instant before) {
        String unit = province + ".00" + (1 + random.nextInt(4));
        Instant received = before.minus(Duration.ofMinutes(random.nextLong(400L * 24 * 60)));
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        boolean digitized = random.nextBoolean();
        boolean fee = random.nextInt(3) == 0;
        Instant paid = fee && random.nextBoolean() ? received.plus(Duration.ofHours(random.nextInt(24 * 40))) : null;
        Instant overdue = random.nextInt(3) == 0 ? received.plus(Duration.ofHours(24 + random.nextInt(24 * 30))) : null;
        Instant ended = random.nextInt(4) == 0 ? null : received.plus(Duration.ofHours(1 + random.nextInt(24 * 60)));
        if (overdue != null && ended != null && !overdue.isBefore(ended)) {
            overdue = null;
        }
        List<DossierFact> facts = new ArrayList<>();
        long sequence = 1;
        boolean refusedAtOnce = random.nextInt(15) == 0;
        facts.add(fact(
                id,
                sequence++,
                unit,
                province,
                channel,
                refusedAtOnce ? "REFUSED" : "OPEN",
                received,
                null,
                null,
                null,
                digitized,
                fee,
                null,
                before));
        if (!refusedAtOnce) {
            if (overdue != null) {
                facts.add(fact(
                        id,
                        sequence++,
                        unit,
                        province,
                        channel,
                        "OPEN",
                        received,
                        overdue,
                        null,
                        null,
                        digitized,
                        fee,
                        paid,
                        before));
            }
            if (ended != null) {
                String classification = CLASSES[random.nextInt(CLASSES.length)];
                // the national index's: an electronic result, ratings after the end (a later one may change a dislike)
                Boolean electronic = random.nextInt(3) == 0 ? null : random.nextBoolean();
                List<DossierFact.Rated> ratings = new ArrayList<>();
                Instant ratedAt = ended;
                for (int k = random.nextInt(3); k > 0; k--) {
                    ratedAt = ratedAt.plus(Duration.ofHours(1 + random.nextInt(24 * 40)));
                    ratings.add(new DossierFact.Rated(ratedAt, random.nextBoolean() ? "DISSATISFIED" : "SATISFIED"));
                }
                facts.add(withIndex(
                        fact(
                                id,
                                sequence++,
                                unit,
                                province,
                                channel,
                                "RESOLVED",
                                received,
                                overdue,
                                ended,
                                classification,
                                digitized,
                                fee,
                                paid,
                                before),
                        electronic,
                        ratings));
                if (random.nextInt(5) == 0) { // reclassified, e.g. a calendar change moved the due instant
                    facts.add(withIndex(
                            fact(
                                    id,
                                    sequence++,
                                    unit,
                                    province,
                                    channel,
                                    "RESOLVED",
                                    received,
                                    overdue,
                                    ended,
                                    CLASSES[random.nextInt(CLASSES.length)],
                                    digitized,
                                    fee,
                                    paid,
                                    before),
                            electronic,
                            ratings.isEmpty() ? ratings : ratings.subList(0, ratings.size() - 1)));
                }
            }
            if (random.nextInt(12) == 0) { // an earlier event now found invalid: refused after all
                facts.add(fact(
                        id, sequence, unit, province, channel, "REFUSED", received, null, null, null, digitized, fee,
                        null, before));
            }
        }
        // disorder: a fact sent again (a redelivery), a newer one overtaking an older one
        if (random.nextInt(4) == 0) {
            facts.add(facts.get(random.nextInt(facts.size())));
        }
        if (facts.size() > 1 && random.nextInt(4) == 0) {
            int i = random.nextInt(facts.size() - 1);
            Collections.swap(facts, i, i + 1);
        }
        return facts;
    }

    private static DossierFact fact(
            String id,
            long sequence,
            String unit,
            String province,
            String channel,
            String status,
            Instant received,
            Instant overdue,
            Instant ended,
            String classification,
            boolean digitized,
            boolean fee,
            Instant paid,
            Instant acceptedAt) {
        return new DossierFact(
                id,
                sequence,
                acceptedAt.minusSeconds(1000 - sequence),
                unit,
                List.of(province, unit),
                channel,
                status,
                received,
                overdue,
                ended,
                classification,
                digitized,
                fee,
                paid,
                null,
                null,
                // one of seven procedures, the same in every fact of the dossier
                "9.P" + Math.floorMod(id.hashCode(), 7));
    }

    private static DossierFact withIndex(DossierFact f, Boolean electronicResult, List<DossierFact.Rated> ratings) {
        return new DossierFact(
                f.dossierId(),
                f.sequence(),
                f.acceptedAt(),
                f.unitCode(),
                f.unitPath(),
                f.channel(),
                f.status(),
                f.receivedAt(),
                f.overdueSince(),
                f.endedAt(),
                f.classification(),
                f.digitized(),
                f.feeRequired(),
                f.paidOnlineAt(),
                electronicResult,
                List.copyOf(ratings),
                f.procedureCode());
    }

    /** The fact as dossier-service writes it on the topic. */
    public static String json(DossierFact fact) {
        return JsonSerde.JSON.writeValueAsString(fact);
    }
}
