package vn.dossierstats.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    private static final String TAG = "\"0a1b2c\"";

    @Test
    void matchesTheTagInAListAStarOrAWeakForm() {
        assertThat(EntityTags.matches(TAG, TAG)).isTrue();
        assertThat(EntityTags.matches("\"other\", " + TAG, TAG)).isTrue();
        assertThat(EntityTags.matches("*", TAG)).isTrue();
        assertThat(EntityTags.matches("W/" + TAG, TAG)).isTrue();
    }

    @Test
    void anotherTagNothingOrAMalformedListMatchesNothing() {
        assertThat(EntityTags.matches("\"0a1b2\"", TAG)).isFalse();
        assertThat(EntityTags.matches(null, TAG)).isFalse();
        assertThat(EntityTags.matches(" ", TAG)).isFalse();
        assertThat(EntityTags.matches("0a1b2c", TAG)).isFalse();
        assertThat(EntityTags.matches("\"0a1b2c", TAG)).isFalse();
    }

    @Test
    void onlyAQuotedTagWithoutWeaknessIsStrong() {
        assertThat(EntityTags.strong(TAG)).isTrue();
        assertThat(EntityTags.strong("W/" + TAG)).isFalse();
        assertThat(EntityTags.strong("0a1b2c")).isFalse();
        assertThat(EntityTags.strong("\"a\"b\"")).isFalse();
        assertThat(EntityTags.strong(null)).isFalse();
    }
}
