package vn.dossierstats.unitstats.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.dossierstats.unitstats.index.IndexInputs.ProcedureInputs;
import vn.dossierstats.unitstats.index.IndexInputs.ProcedureScope;

class NationalIndexTest {

    private static final ProcedureInputs NO_PROCEDURES = ProcedureInputs.NONE;

    private static IndexInputs events(long total, long handled, long dissatisfied, long electronic, long digitised) {
        return new IndexInputs(total, handled, dissatisfied, 0, 0, 0, 0, electronic, digitised, NO_PROCEDURES);
    }

    private static Scorecard.Indicator indicator(Scorecard card, IndicatorKey key) {
        return card.groups().of(key.group()).indicators().stream()
                .filter(i -> i.key().equals(key.name()))
                .findFirst()
                .orElseThrow();
    }

    /** The figures DVCQG published for Phú Thọ (H44) and some of its units, one month (domain.md). */
    @Nested
    class PublishedDvcqgFigures {

        @Test
        void progressOfTheProvinceIs15_68() {
            Scorecard card = NationalIndex.of(events(184_513, 144_625, 0, 0, 0));
            assertThat(card.groups().progress().score()).isEqualTo(15.68);
        }

        @Test
        void onlineServicesOfTheProvinceIs8_83() {
            var procedures = new ProcedureInputs(ProcedureScope.ASSIGNED, 56, 31 + 21, 1_968, 406, 0, 0, 0);
            Scorecard card = NationalIndex.of(new IndexInputs(0, 0, 0L, 152_595, 150_956, 0, 0, 0L, 0L, procedures));
            assertThat(card.groups().onlineServices().score()).isEqualTo(8.83);
            assertThat(indicator(card, IndicatorKey.OFFERED_ONLINE).score()).isEqualTo(2.0);
            assertThat(indicator(card, IndicatorKey.DOSSIERS_ONLINE).score()).isEqualTo(6.0);
        }

        @Test
        void onlinePaymentOfTheProvinceIs6_25() {
            assertThat(onlinePayment(82_913, 98_459, 93, 56, 310)).isEqualTo(6.25);
        }

        @Test
        void onlinePaymentOfCommuneH44_100Is6_69() {
            assertThat(onlinePayment(1_516, 1_707, 12, 7, 35)).isEqualTo(6.69);
        }

        @Test
        void onlinePaymentOfDepartmentH44_03Is7_67() {
            assertThat(onlinePayment(7, 7, 2, 0, 3)).isEqualTo(7.67);
        }

        private Double onlinePayment(
                long paidOnline, long feeBearing, long procPaidOnline, long procUsed, long feeProc) {
            var procedures =
                    new ProcedureInputs(ProcedureScope.ASSIGNED, 0, 0, 0, 0, feeProc, procPaidOnline, procUsed);
            return NationalIndex.of(new IndexInputs(0, 0, 0L, 0, 0, feeBearing, paidOnline, 0L, 0L, procedures))
                    .groups()
                    .onlinePayment()
                    .score();
        }

        @Test
        void satisfactionOfTheProvinceIs5_22With51Dislikes() {
            Scorecard card = NationalIndex.of(events(184_513, 144_625, 51, 0, 0));
            Scorecard.Indicator s = indicator(card, IndicatorKey.RECEIVING_AND_RESOLVING);
            assertThat(s.numerator()).isEqualTo(144_574);
            assertThat(s.denominator()).isEqualTo(184_513);
            assertThat(s.score()).isEqualTo(5.22);
        }

        @Test
        void satisfactionOf2348Of2971Is5_27() {
            assertThat(indicator(NationalIndex.of(events(2_971, 2_348, 0, 0, 0)), IndicatorKey.RECEIVING_AND_RESOLVING)
                            .score())
                    .isEqualTo(5.27);
        }

        @Test
        void satisfactionAt90_46PercentIsFull() {
            assertThat(indicator(NationalIndex.of(events(1_038, 939, 0, 0, 0)), IndicatorKey.RECEIVING_AND_RESOLVING)
                            .score())
                    .isEqualTo(6.0);
        }

        @Test
        void electronicResultOfTheProvinceIs4_33() {
            assertThat(indicator(NationalIndex.of(events(184_513, 0, 0, 133_274, 0)), IndicatorKey.ELECTRONIC_RESULT)
                            .score())
                    .isEqualTo(4.33);
        }

        @Test
        void digitisedOfTheProvinceIs0_46() {
            assertThat(indicator(NationalIndex.of(events(184_513, 0, 0, 0, 21_233)), IndicatorKey.DOSSIER_DIGITISED)
                            .score())
                    .isEqualTo(0.46);
        }

        @Test
        void digitisedAt80_06PercentIsLinear3_20NotFull() {
            assertThat(indicator(NationalIndex.of(events(326, 0, 0, 0, 261)), IndicatorKey.DOSSIER_DIGITISED)
                            .score())
                    .isEqualTo(3.2);
        }

        @Test
        void dataReuseFormulaGives0_04() {
            assertThat(IndexFormulas.dataReuse(3_160, 184_513).toScore()).isEqualByComparingTo("0.04");
        }
    }

    @Nested
    class CapsAndThresholds {

        @Test
        void onlineShareExactly50PercentTakesTheFullSix() {
            assertThat(IndexFormulas.dossiersOnline(50, 100).toScore()).isEqualByComparingTo("6.00");
            assertThat(IndexFormulas.dossiersOnline(49, 100).toScore()).isEqualByComparingTo("5.88");
            assertThat(IndexFormulas.dossiersOnline(100, 100).toScore()).isEqualByComparingTo("6.00");
        }

        @Test
        void offeredOnlineExactly80PercentTakesTheFullTwo() {
            assertThat(IndexFormulas.offeredOnline(80, 100).toScore()).isEqualByComparingTo("2.00");
            // 2 × 0.79 / 0.8 = 1.975, half-up
            assertThat(IndexFormulas.offeredOnline(79, 100).toScore()).isEqualByComparingTo("1.98");
            assertThat(IndexFormulas.offeredOnline(0, 100).toScore()).isEqualByComparingTo("0.00");
        }

        @Test
        void sExactly0_9TakesTheFullSix() {
            assertThat(IndexFormulas.receivingAndResolving(90, 100).toScore()).isEqualByComparingTo("6.00");
            // 6 × 0.89 / 0.9 = 5.9333…
            assertThat(IndexFormulas.receivingAndResolving(89, 100).toScore()).isEqualByComparingTo("5.93");
        }

        @Test
        void sIsNeverBelowZeroWhenDislikesOutnumberTheDossiersHandledWell() {
            Scorecard card = NationalIndex.of(events(10, 3, 7, 0, 0));
            Scorecard.Indicator s = indicator(card, IndicatorKey.RECEIVING_AND_RESOLVING);
            assertThat(s.numerator()).isZero();
            assertThat(s.score()).isEqualTo(0.0);
        }

        @Test
        void procedurePaymentIndicatorsAreFullFrom80Percent() {
            assertThat(IndexFormulas.twoAndAHalfTimesCappedAtTwo(4, 5).toScore())
                    .isEqualByComparingTo("2.00");
            assertThat(IndexFormulas.twoAndAHalfTimesCappedAtTwo(5, 5).toScore())
                    .isEqualByComparingTo("2.00");
            assertThat(IndexFormulas.twoAndAHalfTimesCappedAtTwo(3, 5).toScore())
                    .isEqualByComparingTo("1.50");
        }

        @Test
        void linearIndicatorsReachTheirPointsOnlyAt100Percent() {
            assertThat(IndexFormulas.linear(20, 1, 1).toScore()).isEqualByComparingTo("20.00");
            assertThat(IndexFormulas.linear(4, 4, 5).toScore()).isEqualByComparingTo("3.20");
        }

        @Test
        void halfACentRoundsUp() {
            // exactly half a cent rounds up; just under it rounds down
            assertThat(Fraction.of(1, 200).toScore()).isEqualByComparingTo("0.01");
            assertThat(Fraction.of(1, 201).toScore()).isEqualByComparingTo("0.00");
        }
    }

    @Nested
    class EmptyAndMissing {

        @Test
        void everyDenominatorZeroLeavesEveryScoreNullAndNothingReachable() {
            Scorecard card = NationalIndex.of(events(0, 0, 0, 0, 0));
            assertThat(card.total().score()).isNull();
            assertThat(card.total().reachableMax()).isZero();
            assertThat(card.total().max()).isEqualTo(100);
            for (IndexGroup group : IndexGroup.values()) {
                Scorecard.Group g = card.groups().of(group);
                assertThat(g.score()).isNull();
                assertThat(g.max()).isEqualTo(group.max());
                assertThat(g.indicators()).allSatisfy(i -> assertThat(i.score()).isNull());
            }
        }

        @Test
        void anEmptyDenominatorTakesItsPointsOutOfTheReachableMax() {
            // dossiers but no fee-bearing one and no procedure in scope
            Scorecard card = NationalIndex.of(new IndexInputs(10, 9, 0L, 10, 5, 0, 0, 8L, 10L, NO_PROCEDURES));
            assertThat(card.groups().onlinePayment().score()).isNull();
            assertThat(card.groups().onlinePayment().reachableMax()).isZero();
            assertThat(card.groups().onlineServices().reachableMax()).isEqualTo(6);
            Scorecard.Indicator used = indicator(card, IndicatorKey.ONLINE_SERVICES_USED);
            assertThat(used.numerator()).isZero();
            assertThat(used.denominator()).isZero();
            assertThat(used.score()).isNull();
            assertThat(used.missing()).isNull();
            // progress 20 + online 6 + digitisation 6 + 4 + satisfaction 6
            assertThat(card.total().reachableMax()).isEqualTo(42);
        }

        @Test
        void inputsWeDoNotHoldAreNullAndNamedNeverFullMarks() {
            Scorecard card = NationalIndex.of(events(10, 10, 0, 10, 10));
            assertThat(card.groups().transparency().score()).isNull();
            assertThat(card.groups().transparency().reachableMax()).isZero();
            for (IndicatorKey key : IndicatorKey.values()) {
                Scorecard.Indicator i = indicator(card, key);
                if (key.missing() != null) {
                    assertThat(i.score()).isNull();
                    assertThat(i.numerator()).isNull();
                    assertThat(i.missing()).isNotBlank();
                }
            }
            assertThat(card.groups().digitisation().reachableMax()).isEqualTo(10);
            assertThat(card.groups().satisfaction().reachableMax()).isEqualTo(6);
        }

        @Test
        void countsNotHeldAreNamedAsMissingNotScoredAsZero() {
            Scorecard card = NationalIndex.of(new IndexInputs(10, 9, null, 10, 5, 4, 2, null, null, null));
            for (IndicatorKey key : new IndicatorKey[] {
                IndicatorKey.OFFERED_ONLINE,
                IndicatorKey.ONLINE_SERVICES_USED,
                IndicatorKey.PROCEDURES_PAID_ONLINE,
                IndicatorKey.FEE_PROCEDURES_USED,
                IndicatorKey.ELECTRONIC_RESULT,
                IndicatorKey.DOSSIER_DIGITISED,
                IndicatorKey.RECEIVING_AND_RESOLVING
            }) {
                Scorecard.Indicator i = indicator(card, key);
                assertThat(i.score()).as(key.name()).isNull();
                assertThat(i.denominator()).as(key.name()).isNull();
                assertThat(i.missing()).as(key.name()).isNotBlank();
            }
            assertThat(card.procedureScope()).isNull();
            // progress 20, dossiers online 6, dossiers paid online 6
            assertThat(card.total().reachableMax()).isEqualTo(32);
            // 20 × 9/10 + 6 (50 % online) + 6 × 2/4
            assertThat(card.total().score()).isEqualTo(27.0);
        }

        @Test
        void groupsAddUpToTheirMaxima() {
            for (IndexGroup group : IndexGroup.values()) {
                int sum = 0;
                for (IndicatorKey key : IndicatorKey.values()) {
                    if (key.group() == group) {
                        sum += key.max();
                    }
                }
                assertThat(sum).as(group.name()).isEqualTo(group.max());
            }
        }
    }

    @Test
    void theTotalIsTheExactSumRoundedOnceNotTheSumOfRoundedGroups() {
        // 5,000 dossiers, one of each: progress 20/5000 = 0.004, digitisation (6 + 4)/5000 = 0.002,
        // satisfaction 6 × (1/5000) / 0.9 = 0.00133…: each group rounds to 0.00, their exact sum 0.00733… to 0.01
        Scorecard card = NationalIndex.of(events(5_000, 1, 0, 1, 1));
        assertThat(card.groups().progress().score()).isEqualTo(0.0);
        assertThat(card.groups().digitisation().score()).isEqualTo(0.0);
        assertThat(card.groups().satisfaction().score()).isEqualTo(0.0);
        assertThat(card.total().score()).isEqualTo(0.01);
        assertThat(card.total().reachableMax()).isEqualTo(36);
    }
}
