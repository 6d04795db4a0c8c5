package vn.dossierstats.ranking.standings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import vn.dossierstats.ranking.feed.UnitRecord;
import vn.dossierstats.ranking.leaderboard.UnitCounts;

/**
 * What leaderboards are made of: the catalogue of units and the latest counts of each unit and period, fed from
 * Kafka. {@link #version()} grows with every change, so prepared leaderboards know when they are stale.
 */
@Component
public class Standings {

    private final Map<String, UnitRecord> units = new ConcurrentHashMap<>();
    private final Map<String, UnitCounts> counts = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    public void putUnit(UnitRecord unit) {
        units.put(unit.code(), unit);
        version.incrementAndGet();
    }

    public void putCounts(String unitCode, String period, UnitCounts unitCounts) {
        counts.put(unitCode + "|" + period, unitCounts);
        version.incrementAndGet();
    }

    public long version() {
        return version.get();
    }

    public Optional<UnitRecord> unit(String code) {
        return Optional.ofNullable(units.get(code));
    }

    public UnitCounts counts(String unitCode, String period) {
        return counts.getOrDefault(unitCode + "|" + period, UnitCounts.ZERO);
    }

    /** Units of a level, under {@code parent} at any depth when it is given. */
    public List<UnitRecord> unitsAt(String level, String parent) {
        List<UnitRecord> result = new ArrayList<>();
        for (UnitRecord unit : units.values()) {
            if (unit.level().equals(level) && (parent == null || descendsFrom(unit, parent))) {
                result.add(unit);
            }
        }
        return result;
    }

    private boolean descendsFrom(UnitRecord unit, String ancestor) {
        UnitRecord current = unit;
        for (int depth = 0; depth < 32 && current != null && current.parentCode() != null; depth++) {
            if (current.parentCode().equals(ancestor)) {
                return true;
            }
            current = units.get(current.parentCode());
        }
        return false;
    }
}
