package vn.dossierstats.deploy.benchmark;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How fast one core of this machine is right now: SHA-256 over a buffer for a fixed time, before the platform starts.
 *
 * <p>Why: the machine is a virtual one whose host is shared. Runs of the same code on the same machine kind have
 * differed by a factor of two in every phase (report reads 5,151/s one day, 11,082/s another) with no steal time
 * reported; each run states this figure so that runs can be set side by side. It is context, not a correction: on
 * 2026-12-07 it read 1,379–1,430 MB/s in runs at half the reference run's speed, so whether it tells the slow states
 * from the fast ones is not established yet.
 */
final class MachineSpeed {

    private static final int BUFFER = 1 << 20;

    private MachineSpeed() {}

    /** Megabytes per second one thread digests, after a warm-up of the same length. */
    static double sha256MegabytesPerSecond(long millis) {
        byte[] buffer = new byte[BUFFER];
        ThreadLocalRandom.current().nextBytes(buffer);
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digestFor(digest, buffer, millis); // warm-up: compiled, caches filled
        return digestFor(digest, buffer, millis);
    }

    private static double digestFor(MessageDigest digest, byte[] buffer, long millis) {
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000;
        long bytes = 0;
        long now;
        do {
            digest.update(buffer);
            bytes += buffer.length;
            now = System.nanoTime();
        } while (now < deadline);
        digest.digest();
        return bytes / 1e6 / ((now - start) / 1e9);
    }
}
