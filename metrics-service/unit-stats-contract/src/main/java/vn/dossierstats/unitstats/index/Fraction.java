package vn.dossierstats.unitstats.index;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact non-negative rational. Index scores are sums of capped fractions (2·A/0.8, 6·S/0.9, ...): kept exact until
 * the one rounding of a group or the total, so a published score is reproduced to the cent and never drifts by a
 * rounded term.
 */
record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {

    static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

    Fraction {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + denominator);
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() > 0 && !gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    static Fraction of(long numerator, long denominator) {
        return new Fraction(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    static Fraction whole(long value) {
        return of(value, 1);
    }

    Fraction times(Fraction other) {
        return new Fraction(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    Fraction plus(Fraction other) {
        return new Fraction(
                numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Fraction atMost(Fraction cap) {
        return compareTo(cap) > 0 ? cap : this;
    }

    /** Half-up to 2 decimals, the one rounding of a published score. */
    BigDecimal toScore() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Fraction other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }
}
