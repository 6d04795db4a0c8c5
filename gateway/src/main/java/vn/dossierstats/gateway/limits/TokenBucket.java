package vn.dossierstats.gateway.limits;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code ratePerSecond}; each request takes one. Times
 * are nanoseconds of a monotonic clock given by the caller, so the arithmetic is testable without waiting.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long updatedAt;

    TokenBucket(double ratePerSecond, int burst, long now) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a bucket needs a positive rate and a burst of at least 1");
        }
        this.ratePerNano = ratePerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.tokens = burst;
        this.updatedAt = now;
    }

    /** Takes a token if there is one. @return 0 if taken, else the nanoseconds until one will be there */
    synchronized long tryTake(long now) {
        if (now > updatedAt) {
            tokens = Math.min(burst, tokens + (now - updatedAt) * ratePerNano);
            updatedAt = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerNano));
    }
}
