package vn.dossierstats.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketLetsTheBurstThroughThenRefusesWithTheWaitForTheNextToken() {
        TokenBucket bucket = new TokenBucket(10, 3, 0);

        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isEqualTo(SECOND / 10);
    }

    @Test
    void tokensComeBackAtTheRateButNeverBeyondTheBurst() {
        TokenBucket bucket = new TokenBucket(10, 3, 0);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake(0);
        }

        assertThat(bucket.tryTake(SECOND / 10)).isZero();
        assertThat(bucket.tryTake(SECOND / 10)).isPositive();

        long later = 100 * SECOND; // a long pause refills only up to the burst
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake(later)).isZero();
        }
        assertThat(bucket.tryTake(later)).isPositive();
    }

    @Test
    void aSlowRateAsksForSecondsOfPatienceRoundedUp() {
        AtomicLong now = new AtomicLong();
        SourceRateLimits limits = new SourceRateLimits(0.4, 1, now::get);

        assertThat(limits.retryAfterSeconds("a")).isEmpty();
        assertThat(limits.retryAfterSeconds("a")).hasValue(3); // 2.5 s until the next token
        now.set(SECOND / 2);
        assertThat(limits.retryAfterSeconds("a")).hasValue(2);
    }

    @Test
    void eachSourceHasItsOwnBucketAndAShortWaitIsStillOneSecond() {
        SourceRateLimits limits = new SourceRateLimits(1000, 1, () -> 0);

        assertThat(limits.retryAfterSeconds("a")).isEmpty();
        assertThat(limits.retryAfterSeconds("a")).hasValue(1);
        assertThat(limits.retryAfterSeconds("b")).isEmpty();
    }
}
