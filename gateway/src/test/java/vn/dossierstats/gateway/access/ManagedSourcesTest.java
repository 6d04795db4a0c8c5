package vn.dossierstats.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedSourcesTest {

    private final MutableClock clock = new MutableClock();
    private final ManagedSources directory = new ManagedSources(clock, Duration.ofSeconds(5));

    @Test
    void aKeyIsAdmittedByItsSaltedHashAndNamesItsSource() {
        String key = announce("src-1", 1);

        assertThat(directory.authenticate(key))
                .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("src-1"));
        assertThat(directory.version()).isEqualTo(1);
    }

    @Test
    void aWrongSecretAnUnknownKeyIdOrAKeyWithoutIdAdmitsNobody() {
        String key = announce("src-1", 1);
        String keyId = key.substring(0, key.indexOf('.'));

        for (String wrong : new String[] {
            keyId + ".wrong",
            "ffffffffffffffff" + key.substring(key.indexOf('.')),
            key.substring(key.indexOf('.') + 1),
            key + "x",
            "." + key,
            keyId + ".",
            "",
            null
        }) {
            assertThat(directory.authenticate(wrong)).as("%s", wrong).isEmpty();
        }
    }

    @Test
    void aRotatedKeyStopsAndItsSuccessorWorks() {
        String old = announce("src-1", 1);
        String rotated = announce("src-1", 2);

        assertThat(directory.authenticate(old)).isEmpty();
        assertThat(directory.authenticate(rotated)).isPresent();
    }

    @Test
    void aRevokedSourceHasNoKeyLeft() {
        String key = announce("src-1", 1);
        directory.apply(2, List.of(new ManagedSources.KeyEntry("src-1", "gone", null, null, true)));

        assertThat(directory.authenticate(key)).isEmpty();
        assertThat(directory.size()).isZero();
    }

    @Test
    void withoutARecentRefreshNoManagedKeyIsAdmitted() {
        String key = announce("src-1", 1);
        clock.advance(Duration.ofSeconds(6));

        assertThat(directory.authenticate(key)).isEmpty();

        directory.apply(1, List.of()); // an empty answer proves the directory current again
        assertThat(directory.authenticate(key)).isPresent();
    }

    private String announce(String sourceId, long version) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String keyId = Long.toHexString(random.nextLong() | Long.MIN_VALUE);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(salt) + "secret";
        directory.apply(
                version,
                List.of(new ManagedSources.KeyEntry(
                        sourceId, keyId, salt, ManagedSources.saltedHash(salt, secret), false)));
        return keyId + "." + secret;
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-07-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
