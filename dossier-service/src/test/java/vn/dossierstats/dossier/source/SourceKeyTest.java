package vn.dossierstats.dossier.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SourceKeyTest {

    @Test
    void aKeyIsItsIdAndA32ByteBase64urlSecret() {
        SourceKey key = SourceKey.generate();

        assertThat(key.key()).isEqualTo(key.keyId() + "." + key.secret());
        assertThat(key.keyId()).matches("[0-9a-f]{16}");
        assertThat(Base64.getUrlDecoder().decode(key.secret())).hasSize(32);
        assertThat(key.salt()).hasSize(16);
    }

    @Test
    void onlyTheSecretMatchesItsSaltedHash() {
        SourceKey key = SourceKey.generate();

        assertThat(SourceKey.matches(key.salt(), key.hash(), key.secret())).isTrue();
        assertThat(SourceKey.matches(key.salt(), key.hash(), key.secret() + "x"))
                .isFalse();
        assertThat(SourceKey.matches(new byte[16], key.hash(), key.secret())).isFalse();
    }

    @Test
    void twoKeysShareNeitherIdSecretNorSalt() {
        SourceKey a = SourceKey.generate();
        SourceKey b = SourceKey.generate();

        assertThat(a.keyId()).isNotEqualTo(b.keyId());
        assertThat(a.secret()).isNotEqualTo(b.secret());
        assertThat(a.salt()).isNotEqualTo(b.salt());
    }

    @Test
    void theSecretNeverAppearsInTheTextOfAKey() {
        SourceKey key = SourceKey.generate();

        assertThat(key.toString()).doesNotContain(key.secret()).contains(key.keyId());
    }

    @Test
    void verifyingAKeyTakesWellUnderAMillisecond() {
        SourceKey key = SourceKey.generate();
        for (int i = 0; i < 10_000; i++) { // warm up
            SourceKey.matches(key.salt(), key.hash(), key.secret());
        }
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            SourceKey.matches(key.salt(), key.hash(), key.secret());
        }
        assertThat((System.nanoTime() - start) / 1_000).isLessThan(1_000_000 / 10);
    }
}
