package vn.dossierstats.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class ResponseStoreTest {

    private static final Duration TTL = Duration.ofMillis(100);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ResponseStore store = new ResponseStore(nanos::get, TTL, 1_000_000, 100, 10_000);
    private final CacheKey key = CacheKey.of("/api/v1/leaderboards", "level=PROVINCE", null);

    private StoredResponse answer(int bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ETAG, "\"v1\"");
        return StoredResponse.of(new byte[bytes], headers, nanos.get());
    }

    @Test
    void aStoredAnswerIsFreshForTheTtl() {
        store.store(key, answer(10));

        assertThat(store.fresh(key, nanos.get())).isNotNull();
        nanos.addAndGet(TTL.toNanos());
        assertThat(store.fresh(key, nanos.get())).isNull();
    }

    @Test
    void theFirstRequestWithoutAFreshAnswerLeadsTheOthersFollowIt() {
        StoredResponse stale = answer(10);
        store.store(key, stale);
        nanos.addAndGet(TTL.toNanos());

        ResponseStore.Turn first = store.turn(key);
        ResponseStore.Turn second = store.turn(key);

        assertThat(first).isInstanceOfSatisfying(ResponseStore.Turn.Lead.class, lead -> assertThat(lead.stale())
                .isSameAs(stale));
        assertThat(second)
                .isInstanceOfSatisfying(ResponseStore.Turn.Follow.class, follow -> assertThat(follow.outcome())
                        .isSameAs(((ResponseStore.Turn.Lead) first).outcome()));
    }

    @Test
    void followersGetTheLeadersOutcomeAndAfterItTheAnswerIsFresh() {
        ResponseStore.Turn.Lead lead = (ResponseStore.Turn.Lead) store.turn(key);
        ResponseStore.Turn.Follow follow = (ResponseStore.Turn.Follow) store.turn(key);
        StoredResponse fetched = answer(10);

        store.store(key, fetched);
        store.finish(key, lead.outcome(), Optional.of(fetched));

        assertThat(follow.outcome()).isCompletedWithValue(Optional.of(fetched));
        assertThat(store.fresh(key, nanos.get())).isSameAs(fetched);
    }

    @Test
    void aRequestThatFindsTheAnswerFreshWhenItsTurnComesIsAnsweredFromIt() {
        // stored by a leader between this request's lookup and its turn
        ResponseStore.Turn.Lead lead = (ResponseStore.Turn.Lead) store.turn(key);
        StoredResponse fetched = answer(10);
        store.store(key, fetched);
        store.finish(key, lead.outcome(), Optional.of(fetched));

        assertThat(store.turn(key)).isEqualTo(new ResponseStore.Turn.Fresh(fetched));
    }

    @Test
    void aFailedLeadFailsItsFollowersAndTheNextRequestLeadsAgain() {
        ResponseStore.Turn.Lead lead = (ResponseStore.Turn.Lead) store.turn(key);
        ResponseStore.Turn.Follow follow = (ResponseStore.Turn.Follow) store.turn(key);

        store.fail(key, lead.outcome(), new IllegalStateException("service down"));
        store.finish(key, lead.outcome(), Optional.empty()); // as doFinally does after the error

        assertThat(follow.outcome()).isCompletedExceptionally();
        assertThat(store.turn(key)).isInstanceOf(ResponseStore.Turn.Lead.class);
    }

    @Test
    void aLeadWhoseAnswerCannotBeSharedSendsItsFollowersToTheService() {
        ResponseStore.Turn.Lead lead = (ResponseStore.Turn.Lead) store.turn(key);
        ResponseStore.Turn.Follow follow = (ResponseStore.Turn.Follow) store.turn(key);

        store.finish(key, lead.outcome(), Optional.empty());

        assertThat(follow.outcome()).isCompletedWithValue(Optional.empty());
    }

    @Test
    void theNumberOfEntriesIsBoundedEvenForTinyAnswers() {
        ResponseStore small = new ResponseStore(nanos::get, TTL, 10_000, 10, 10_000);
        for (int i = 0; i < 1000; i++) {
            small.store(CacheKey.of("/p/" + i, null, null), answer(1));
        }

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void theBytesAreBounded() {
        ResponseStore small = new ResponseStore(nanos::get, TTL, 10_000, 1000, 10_000);
        for (int i = 0; i < 100; i++) {
            small.store(CacheKey.of("/p/" + i, null, null), answer(1000));
        }

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }
}
