package app.outlay.importer;

import app.outlay.common.Invalid;
import app.outlay.common.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a file writes amounts: its decimal separator ({@code .} or {@code ,}); the other one may group
 * thousands. Signs may lead or trail ({@code 12,50-}), brackets mean negative, and currency symbols or codes,
 * spaces and apostrophes ({@code 1'234.50}) are ignored.
 */
record AmountFormat(char decimal) {
    private static final Pattern CODE = Pattern.compile("^[A-Z]{3}|[A-Z]{3}$");
    private static final Pattern NUMBER = Pattern.compile("[0-9.,]+");

    AmountFormat {
        if (decimal != '.' && decimal != ',') {
            throw new IllegalArgumentException("decimal separator " + decimal);
        }
    }

    char thousands() {
        return decimal == '.' ? ',' : '.';
    }

    /**
     * The decimal separator most of the sample amounts use unambiguously ({@code 1.234,56}, {@code 12,5});
     * where none tells, a comma when the file's delimiter is {@code ;}, else a point.
     */
    static AmountFormat detect(List<String> samples, char delimiter) {
        int comma = 0;
        int point = 0;
        for (String sample : samples) {
            String s = clean(sample).replace("(", "").replace(")", "");
            int lastComma = s.lastIndexOf(',');
            int lastPoint = s.lastIndexOf('.');
            if (lastComma >= 0 && lastPoint >= 0) {
                if (lastComma > lastPoint) {
                    comma++;
                } else {
                    point++;
                }
            } else if (lastComma >= 0 && !groupsOfThousands(s, ',')) {
                comma++;
            } else if (lastPoint >= 0 && !groupsOfThousands(s, '.')) {
                point++;
            }
        }
        if (comma != point) {
            return new AmountFormat(comma > point ? ',' : '.');
        }
        return new AmountFormat(delimiter == ';' ? ',' : '.');
    }

    /** The amount in {@code raw}, as money of the currency; 422 naming {@code field} when it cannot be read. */
    Money parse(String field, String raw, Currency currency) {
        BigDecimal value = decimal(field, raw);
        return Money.of(field, value, currency);
    }

    /** The amount as an exact decimal, sign included. */
    BigDecimal decimal(String field, String raw) {
        BigDecimal plain = plain(raw);
        if (plain != null) {
            return plain;
        }
        String s = raw.strip();
        boolean negative = false;
        if (s.length() >= 2 && s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        s = clean(s);
        if (s.startsWith("-") || s.startsWith("+")) {
            negative ^= s.charAt(0) == '-';
            s = s.substring(1);
        } else if (s.endsWith("-") || s.endsWith("+")) {
            negative ^= s.endsWith("-");
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || !NUMBER.matcher(s).matches() || s.chars().noneMatch(Character::isDigit)) {
            throw Invalid.field(field, "is not an amount: " + shorten(raw));
        }
        int at = s.indexOf(decimal);
        if (at != s.lastIndexOf(decimal)) {
            throw Invalid.field(field, "has more than one decimal separator '" + decimal + "': " + shorten(raw));
        }
        String whole = at < 0 ? s : s.substring(0, at);
        String fraction = at < 0 ? "" : s.substring(at + 1);
        if (fraction.indexOf(thousands()) >= 0 || whole.indexOf(thousands()) >= 0 && !groupsOfThousands(whole, thousands())) {
            throw Invalid.field(field, "is not an amount with '" + decimal + "' as decimal separator: " + shorten(raw));
        }
        String digits = whole.replace(String.valueOf(thousands()), "");
        var value = new BigDecimal((digits.isEmpty() ? "0" : digits) + (fraction.isEmpty() ? "" : "." + fraction));
        return negative ? value.negate() : value;
    }

    /**
     * The amount when {@code raw} is digits with at most one decimal separator and maybe a leading sign, as most
     * files write every amount: the value (and scale) the full reading gives, without its cleaning and checks,
     * which took a quarter of the time of reading a file. Null for anything else, which the full reading takes.
     */
    private BigDecimal plain(String raw) {
        int start = raw.startsWith("-") || raw.startsWith("+") ? 1 : 0;
        boolean digits = false;
        boolean separator = false;
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c == decimal && !separator) {
                separator = true;
            } else {
                return null;
            }
        }
        return digits ? new BigDecimal(decimal == '.' ? raw : raw.replace(decimal, '.')) : null;
    }

    /** Without spaces, apostrophes, currency symbols and a leading or trailing currency code; minus signs as '-'. */
    private static String clean(String raw) {
        var out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\'' || c == '’'
                    || Character.getType(c) == Character.CURRENCY_SYMBOL) {
                continue;
            }
            out.append(c == '−' ? '-' : c);
        }
        return CODE.matcher(out).replaceAll("");
    }

    /** Whether {@code s} (digits and one kind of separator, maybe a sign) groups its digits by thousands: 1,234,567. */
    private static boolean groupsOfThousands(String s, char separator) {
        String digits = s.replaceAll("^[+-]|[+-]$", "");
        String[] groups = digits.split(Pattern.quote(String.valueOf(separator)), -1);
        if (groups.length < 2 || groups[0].isEmpty() || groups[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }

    static String shorten(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
