package vn.dossierstats.metrics.stream;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * A store being restored from its changelog (at start, after a rebalance, or after an exactly-once task was found
 * corrupted and wiped, while the client stays RUNNING) holds other contents than the versions say: every unit gets a
 * new version when restoration starts and when it ends.
 */
final class StoreRestorations implements StateRestoreListener {

    private final UnitVersions versions;

    StoreRestorations(UnitVersions versions) {
        this.versions = versions;
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        versions.reset();
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        // the store is not queryable while it restores: nothing is computed from it until the end
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        versions.reset();
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        versions.reset();
    }
}
