package vn.dossierstats.dossier;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.dossierstats.dossier.calendar.WorkingCalendar;
import vn.dossierstats.dossier.calendar.WorkingCalendar.WorkingPeriod;
import vn.dossierstats.dossier.lifecycle.EarliestEvent;

/**
 * @param timeZone local time of periods, calendars and API output
 * @param maxClockSkew how far after the server clock an event may be dated
 * @param workingPeriods the working hours of a working day
 * @param maxSupplementRequests more supplement requests make an ended dossier LATE
 * @param outboxPollInterval how often the relay looks for new outbox rows
 * @param topicPartitions partitions of the topics this service declares
 * @param topicReplicas replication factor of those topics
 * @param groupCommit how concurrent single events share transactions
 * @param firstYear the first year the statistics count (metrics-service's {@code metrics.first-year}): an event dated
 *     before its first local instant is refused, as metrics-service could not count it
 */
@ConfigurationProperties("dossier")
public record DossierProperties(
        ZoneId timeZone,
        Duration maxClockSkew,
        List<Period> workingPeriods,
        int maxSupplementRequests,
        Duration outboxPollInterval,
        int topicPartitions,
        short topicReplicas,
        GroupCommit groupCommit,
        int firstYear) {

    public record Period(LocalTime start, LocalTime end) {}

    /**
     * @param maxEvents the most single events one transaction carries
     * @param committers transactions of single events under way at once (PostgreSQL works on one while another is
     *     decided in memory)
     */
    public record GroupCommit(int maxEvents, int committers) {}

    /** The earliest instant an event may be dated: the start of {@link #firstYear} in local time. */
    public EarliestEvent earliestEvent() {
        return new EarliestEvent(
                LocalDate.of(firstYear, 1, 1).atStartOfDay(timeZone).toOffsetDateTime());
    }

    /** The working calendar with these working hours and the given holidays and swapped days per year. */
    public WorkingCalendar calendar(WorkingCalendar.YearDays days) {
        return new WorkingCalendar(
                timeZone,
                workingPeriods.stream()
                        .map(p -> new WorkingPeriod(p.start(), p.end()))
                        .toList(),
                WorkingCalendar.STANDARD_WEEKEND,
                days);
    }
}
