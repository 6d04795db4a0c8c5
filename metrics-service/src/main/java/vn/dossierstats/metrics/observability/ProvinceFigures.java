package vn.dossierstats.metrics.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.dossierstats.metrics.report.Report;

/**
 * What the dashboards and alerts need of one province's running month, as gauge values keyed by the label that
 * varies (classification, channel): one series per province and value, 34 provinces, bounded.
 */
record ProvinceFigures(
        String code,
        String name,
        Double onTimeRate,
        Double progressScore,
        long overdue,
        long inProgress,
        Map<String, Long> ended,
        Map<String, Long> received) {

    static ProvinceFigures of(Report report) {
        Map<String, Long> ended = new LinkedHashMap<>();
        ended.put("EARLY", report.ended().early());
        ended.put("ON_TIME", report.ended().onTime());
        ended.put("LATE", report.ended().late());
        Map<String, Long> received = new LinkedHashMap<>();
        received.put("ONLINE", report.received().online());
        received.put("DIRECT", report.received().direct());
        received.put("POSTAL", report.received().postal());
        return new ProvinceFigures(
                report.unitCode(),
                report.unitName() == null ? report.unitCode() : report.unitName(),
                report.onTimeRate(),
                report.progressScore(),
                report.inProgress().overdue(),
                report.inProgress().total(),
                ended,
                received);
    }
}
