package vn.dossierstats.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnsafeQueryFilterTest {

    @Test
    void queriesThatAreUtf8PassWhateverTheirParameters() {
        for (String query : new String[] {
            null,
            "",
            "level=PROVINCE&period=2026-07&indicator=ON_TIME_RATE",
            "asOf=2026-07-01T00:00:00%2B07:00",
            "asOf=2026-07-01T00:00:00+07:00",
            "parent=Nh%E1%BA%ADn",
            "parent=%F0%9F%92%A9",
            "parent=%00",
            "period=&period=&&=x",
            "x",
            "%41%42=%43"
        }) {
            assertThat(UnsafeQueryFilter.undecodableParameter(query))
                    .as("%s", query)
                    .isEmpty();
        }
    }

    @Test
    void aQueryValueThatIsAnEncodedSurrogateIsRefusedNamingTheParameter() {
        assertThat(UnsafeQueryFilter.undecodableParameter("period=%ED%A0%80")).contains("period");
        assertThat(UnsafeQueryFilter.undecodableParameter("level=%ED%B0%80")).contains("level");
    }

    @Test
    void invalidBytesOverlongFormsAndBrokenEscapesAreRefusedNamingTheParameter() {
        for (String value : new String[] {
            "%FF", // never UTF-8
            "%C0%AE", // an overlong '.'
            "%E0%80%AF", // an overlong '/'
            "%F4%90%80%80", // beyond U+10FFFF
            "%E1%BA", // a sequence cut short
            "%BA", // a continuation byte alone
            "%E", // a truncated escape
            "%", // a lone escape character
            "%ZZ", // not hexadecimal
            "2026-07%"
        }) {
            assertThat(UnsafeQueryFilter.undecodableParameter("indicator=ON_TIME_RATE&period=" + value))
                    .as(value)
                    .contains("period");
        }
    }

    @Test
    void aParameterNoRouteKnowsIsRefusedJustTheSame() {
        assertThat(UnsafeQueryFilter.undecodableParameter("period=2026-07&x=%FF"))
                .contains("x");
    }

    @Test
    void theFirstParameterThatCannotBeDecodedIsNamedDecodedWhenItsNameCanBe() {
        assertThat(UnsafeQueryFilter.undecodableParameter("a=1&p%65riod=%FF&b=%FF"))
                .contains("period");
        assertThat(UnsafeQueryFilter.undecodableParameter("a=1&my+name=%FF")).contains("my name");
    }

    @Test
    void aNameThatCannotBeDecodedIsNamedAsSent() {
        assertThat(UnsafeQueryFilter.undecodableParameter("%FF=1")).contains("%FF");
        assertThat(UnsafeQueryFilter.undecodableParameter("per%ZZiod")).contains("per%ZZiod");
    }

    @Test
    void aLongNameIsShownCut() {
        String name = "n".repeat(500);

        assertThat(UnsafeQueryFilter.undecodableParameter(name + "=%FF"))
                .hasValueSatisfying(shown ->
                        assertThat(shown).hasSize(64 + 3).startsWith("nnn").endsWith("..."));
    }

    @Test
    void plainAsciiWithoutEscapesIsNotDecoded() {
        String query = "level=PROVINCE&period=2026-07";

        assertThat(StrictPercentDecoding.isPlainAscii(query)).isTrue();
        assertThat(StrictPercentDecoding.decode(query)).isSameAs(query);
        assertThat(StrictPercentDecoding.isPlainAscii("period=2026%2D07")).isFalse();
    }

    @Test
    void theProblemOfAnUnparsableUriNamesTheParameterOrThePath() {
        assertThat(UnparsableUriProblems.problem("/api/v1/leaderboards?level=%ZZ"))
                .contains("\"status\":400")
                .contains("\"errors\":[{\"field\":\"level\",\"message\":\"is not valid percent-encoded UTF-8\"}]");
        assertThat(UnparsableUriProblems.problem("/api/v1/dossiers/a%zzb"))
                .contains("\"detail\":\"The request path is not acceptable.\"")
                .doesNotContain("errors");
    }
}
