package vn.dossierstats.metrics.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;
import java.util.function.Supplier;
import vn.dossierstats.metrics.report.Report;
import vn.dossierstats.unitstats.Period;

/**
 * Computed reports of (unit, period), each kept with the {@link ReportBasis} it was computed on and reused while a
 * read finds the same basis; bounded in entries (an evicted report is computed again at its next read).
 *
 * <p>A report computed again with the same figures (the unit's version moved for a bucket this period does not depend
 * on, or the day turned) keeps the report computed first: its {@code asOf}, its body and therefore its entity tag. The
 * figures stood so at that asOf and stand so now. Only different figures give a new asOf and a new tag.
 */
final class ReportCache {

    private final Cache<Key, Computed> computed;
    private final Function<Report, byte[]> serialiser;

    ReportCache(long maximumEntries, Function<Report, byte[]> serialiser) {
        this.computed = Caffeine.newBuilder().maximumSize(maximumEntries).build();
        this.serialiser = serialiser;
    }

    /** The report of the unit and period on {@code basis}: the one kept, or {@code compute}'s, kept from now on. */
    Report report(String unitCode, Period period, ReportBasis basis, Supplier<Report> compute) {
        return current(new Key(unitCode, period), basis, compute).report();
    }

    /** The same report serialised: once per report, at the first read that asks for its body. */
    PreparedBody body(String unitCode, Period period, ReportBasis basis, Supplier<Report> compute) {
        Key key = new Key(unitCode, period);
        Computed current = current(key, basis, compute);
        if (current.body() != null) {
            return current.body();
        }
        Computed serialised = current.with(PreparedBody.of(serialiser.apply(current.report())));
        // unless another read put a newer report meanwhile
        computed.asMap().replace(key, current, serialised);
        return serialised.body();
    }

    private Computed current(Key key, ReportBasis basis, Supplier<Report> compute) {
        Computed cached = computed.getIfPresent(key);
        if (cached != null && cached.basis().equals(basis)) {
            return cached;
        }
        Report fresh = compute.get();
        Computed next = cached != null && cached.report().withAsOf(fresh.asOf()).equals(fresh)
                ? cached.on(basis)
                : new Computed(basis, fresh, null);
        computed.put(key, next);
        return next;
    }

    private record Key(String unitCode, Period period) {}

    /** A report with the basis it stands on and, once a client asked for it, its body. */
    private record Computed(ReportBasis basis, Report report, PreparedBody body) {

        Computed on(ReportBasis newer) {
            return new Computed(newer, report, body);
        }

        Computed with(PreparedBody serialised) {
            return new Computed(basis, report, serialised);
        }
    }
}
