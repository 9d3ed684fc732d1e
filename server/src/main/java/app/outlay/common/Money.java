package app.outlay.common;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An exact amount of one currency, held as integer minor units (cents for EUR).
 * Written at the API edge as a decimal string with exactly the currency's fraction digits.
 */
public record Money(long minor, Currency currency) {
    /** The largest magnitude the API accepts, whatever the currency. */
    public static final BigDecimal MAX = new BigDecimal("999999999999.99");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    /** Parses a decimal as written; {@code field} names it in the 422 when it is not acceptable. */
    public static Money parse(String field, String text, Currency currency) {
        if (text == null || !DECIMAL.matcher(text.strip()).matches()) {
            throw Invalid.field(field, "must be a decimal number such as -10.00");
        }
        return of(field, new BigDecimal(text.strip()), currency);
    }

    /** Accepts an exact decimal; fraction digits are counted as written ({@code 1.000} has three). */
    public static Money of(String field, BigDecimal value, Currency currency) {
        if (value.abs().compareTo(MAX) > 0) {
            throw Invalid.field(field, "must be between -" + MAX.toPlainString() + " and " + MAX.toPlainString());
        }
        int digits = digits(currency);
        if (value.scale() > digits) {
            throw Invalid.field(field, "must have at most " + digits + " decimal places for " + currency.getCurrencyCode());
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    public static int digits(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? 2 : digits; // pseudo-currencies (XAU, XXX) declare none
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, digits(currency));
    }

    /** The decimal string of the API: {@code "-10.00"}. */
    @Override
    public String toString() {
        return toDecimal().toPlainString();
    }
}
