package vn.dossierstats.metrics.stream;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the catalogue's global stores of the national index (procedures, their assignment to units) and counts their
 * changes, so that the statistics published before a change are published again with it.
 */
final class CatalogueVersion {

    private final AtomicLong version = new AtomicLong();

    long current() {
        return version.get();
    }

    /** The processor that keeps one global store: the latest value of each key, a tombstone removes it. */
    <V> Processor<String, V, Void, Void> keeper(String storeName) {
        return new Processor<>() {
            private KeyValueStore<String, V> store;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                store = context.getStateStore(storeName);
            }

            @Override
            public void process(Record<String, V> record) {
                if (record.key() == null) {
                    return;
                }
                if (record.value() == null) {
                    store.delete(record.key());
                } else {
                    store.put(record.key(), record.value());
                }
                version.incrementAndGet();
            }
        };
    }
}
