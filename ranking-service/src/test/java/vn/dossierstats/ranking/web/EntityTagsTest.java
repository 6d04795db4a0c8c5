package vn.dossierstats.ranking.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EntityTagsTest {

    private static final String TAG = "\"abc\"";

    @Test
    void theSameTagMatches() {
        assertThat(EntityTags.matches("\"abc\"", TAG)).isTrue();
    }

    @Test
    void anotherTagDoesNotMatch() {
        assertThat(EntityTags.matches("\"abd\"", TAG)).isFalse();
        assertThat(EntityTags.matches("\"ab\"", TAG)).isFalse();
        assertThat(EntityTags.matches("\"abcd\"", TAG)).isFalse();
    }

    @Test
    void theComparisonIsWeakAsIfNoneMatchRequires() {
        assertThat(EntityTags.matches("W/\"abc\"", TAG)).isTrue();
        assertThat(EntityTags.matches("\"abc\"", "W/\"abc\"")).isTrue();
    }

    @Test
    void anyTagOfAListMatches() {
        assertThat(EntityTags.matches("\"x\", W/\"y\",\"abc\"", TAG)).isTrue();
        assertThat(EntityTags.matches("\"x\" ,\t\"y\"", TAG)).isFalse();
    }

    @Test
    void aCommaInsideATagIsPartOfIt() {
        assertThat(EntityTags.matches("\"a,\"abc\"", TAG)).isFalse();
        assertThat(EntityTags.matches("\"x,y\", \"abc\"", TAG)).isTrue();
    }

    @Test
    void aStarMatchesAnyCurrentRepresentation() {
        assertThat(EntityTags.matches("*", TAG)).isTrue();
    }

    @Test
    void nothingOrAMalformedHeaderNeverMatches() {
        assertThat(EntityTags.matches(null, TAG)).isFalse();
        assertThat(EntityTags.matches("", TAG)).isFalse();
        assertThat(EntityTags.matches("   ", TAG)).isFalse();
        assertThat(EntityTags.matches("abc", TAG)).isFalse();
        assertThat(EntityTags.matches("\"abc", TAG)).isFalse();
        assertThat(EntityTags.matches("W/abc", TAG)).isFalse();
    }
}
