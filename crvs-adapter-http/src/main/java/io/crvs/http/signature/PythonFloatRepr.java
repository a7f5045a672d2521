package io.crvs.http.signature;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes a double exactly as CPython's {@code repr(float)} (and therefore {@code json.dumps}) does: the shortest
 * decimal digits that read back to the same double (nearest such digits when several are equally short), in plain
 * notation with at least one fractional digit when the decimal exponent is within [-4, 16), else in exponent
 * notation with a signed two-or-more-digit exponent ({@code 1e-05}, {@code 1e+16}).
 *
 * <p>{@code Double.toString} is not used: it formats differently, and before JDK 19 its digits are not always the
 * shortest. Stateless and thread-safe.
 */
public final class PythonFloatRepr {

    private static final int MAX_SIGNIFICANT_DIGITS = 17;

    private PythonFloatRepr() {
    }

    /** {@code repr(value)} as Python prints it, {@code Infinity} / {@code NaN} as {@code json.dumps} does. */
    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        String sign = (Double.doubleToRawLongBits(value) < 0) ? "-" : "";
        if (value == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(Math.abs(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int decimalPoint = digits.length() - shortest.scale(); // value = 0.<digits> * 10^decimalPoint
        return sign + format(digits, decimalPoint);
    }

    /**
     * The shortest decimal that rounds back to {@code x} (positive, finite). At each precision both neighbours of
     * the exact value are tried, because near a power of two the round-trip interval is lopsided and the nearest
     * neighbour may fall outside it while the other one does not.
     */
    static BigDecimal shortestRoundTrip(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int precision = 1; precision <= MAX_SIGNIFICANT_DIGITS; precision++) {
            BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean downOk = roundTrips(down, x);
            boolean upOk = roundTrips(up, x);
            if (downOk && upOk) {
                int cmp = exact.subtract(down).compareTo(up.subtract(exact));
                if (cmp != 0) {
                    return cmp < 0 ? down : up;
                }
                return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            }
            if (downOk) {
                return down;
            }
            if (upOk) {
                return up;
            }
        }
        return exact.round(new MathContext(MAX_SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN));
    }

    private static boolean roundTrips(BigDecimal candidate, double x) {
        return Double.parseDouble(candidate.toString()) == x;
    }

    private static String format(String digits, int decimalPoint) {
        if (decimalPoint > -4 && decimalPoint <= 16) {
            if (decimalPoint <= 0) {
                return "0." + "0".repeat(-decimalPoint) + digits;
            }
            if (decimalPoint >= digits.length()) {
                return digits + "0".repeat(decimalPoint - digits.length()) + ".0";
            }
            return digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
        }
        int exponent = decimalPoint - 1;
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String expDigits = Integer.toString(Math.abs(exponent));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (expDigits.length() < 2 ? "0" : "") + expDigits;
    }
}
