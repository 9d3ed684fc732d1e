package app.outlay.importer;

import app.outlay.common.Invalid;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a file writes dates: a pattern such as {@code dd.MM.yyyy} (as the client names it and the result reports
 * it) and the strict formatter that reads it. A time after the date ({@code 2024-01-31 10:15}) is ignored.
 */
record DateFormat(String pattern, DateTimeFormatter formatter) {
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern YEAR_LAST = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{2}|\\d{4})");
    private static final Pattern COMPACT = Pattern.compile("\\d{8}");
    private static final LocalDate PROBE = LocalDate.of(2024, 11, 23);

    /** A pattern the client gave; 400 naming {@code dateFormat} when it is not one, or names no whole date. */
    static DateFormat of(String pattern) {
        try {
            var formatter = strict(pattern);
            if (!formatter.parse(formatter.format(PROBE), LocalDate::from).equals(PROBE)) {
                throw new IllegalArgumentException();
            }
            return new DateFormat(pattern, formatter);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw Invalid.parameter("dateFormat", "must be a date pattern with day, month and year, such as dd.MM.yyyy");
        }
    }

    /**
     * The format of the sample dates: ISO and other year-first forms, {@code yyyyMMdd}, and day and month with
     * dots, slashes or dashes. Where day and month could be either way round, a sample with a part above 12
     * decides; else dates with dots and files that are {@code dayFirst} (with {@code ;} or a decimal comma) are
     * day-first, the rest month-first.
     */
    static DateFormat detect(List<String> samples, boolean dayFirst) {
        String first = samples.stream().map(DateFormat::datePart).filter(s -> !s.isEmpty()).findFirst().orElse("");
        Matcher m;
        if ((m = YEAR_FIRST.matcher(first)).matches()) {
            String sep = m.group(2);
            return new DateFormat("yyyy" + sep + "MM" + sep + "dd", strict("uuuu" + sep + "M" + sep + "d"));
        }
        if (COMPACT.matcher(first).matches()) {
            return new DateFormat("yyyyMMdd", strict("uuuuMMdd"));
        }
        if ((m = YEAR_LAST.matcher(first)).matches()) {
            String sep = m.group(2);
            String year = m.group(4).length() == 2 ? "yy" : "yyyy";
            boolean days = sep.equals(".") || dayFirst;
            for (String sample : samples) {
                Matcher s = YEAR_LAST.matcher(datePart(sample));
                if (s.matches() && Integer.parseInt(s.group(1)) > 12) {
                    days = true;
                    break;
                }
                if (s.matches() && Integer.parseInt(s.group(3)) > 12) {
                    days = false;
                    break;
                }
            }
            String pattern = days ? "dd" + sep + "MM" + sep + year : "MM" + sep + "dd" + sep + year;
            String reading = (days ? "d" + sep + "M" : "M" + sep + "d") + sep + (year.equals("yy") ? "uu" : "uuuu");
            return new DateFormat(pattern, strict(reading));
        }
        throw Invalid.field("date", "cannot tell how dates are written (" + AmountFormat.shorten(first)
                + "); give dateFormat, such as dd.MM.yyyy");
    }

    /** The date in {@code raw}; 422 naming {@code field} when it is not one in this format. */
    LocalDate parse(String field, String raw) {
        LocalDate iso = pattern.equals("yyyy-MM-dd") ? iso(raw) : null;
        if (iso != null) {
            return iso;
        }
        String text = pattern.indexOf(' ') >= 0 ? raw.strip() : datePart(raw);
        LocalDate date;
        try {
            date = formatter.parse(text, LocalDate::from);
        } catch (DateTimeParseException e) {
            throw Invalid.field(field, "is not a date as " + pattern + ": " + AmountFormat.shorten(raw));
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw Invalid.field(field, "must be in the years 0001 to 9999: " + AmountFormat.shorten(raw));
        }
        return date;
    }

    /**
     * The date of {@code raw} when it is exactly {@code yyyy-MM-dd} and a calendar date from the year 1 on, read
     * without the formatter (a sixth of the time of reading a file); null for anything else, which the formatter
     * reads or refuses as it did.
     */
    private static LocalDate iso(String raw) {
        if (raw.length() != 10 || raw.charAt(4) != '-' || raw.charAt(7) != '-') {
            return null;
        }
        int year = digits(raw, 0, 4);
        int month = digits(raw, 5, 7);
        int day = digits(raw, 8, 10);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The number the ASCII digits from {@code start} to {@code end} write; -1 when one is not a digit. */
    private static int digits(String s, int start, int end) {
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The text before a time: {@code 2024-01-31} of {@code 2024-01-31T10:15:00} or {@code 31.01.2024 10:15}. */
    private static String datePart(String raw) {
        String s = raw.strip();
        int space = s.indexOf(' ');
        if (space > 0) {
            s = s.substring(0, space);
        }
        int t = s.indexOf('T');
        return t == 10 ? s.substring(0, t) : s;
    }

    /** A formatter that refuses what is not a calendar date; {@code y} (year of era) is read as {@code u} (year). */
    private static DateTimeFormatter strict(String pattern) {
        var formatter = DateTimeFormatter.ofPattern(yearsAsYears(pattern)).withResolverStyle(ResolverStyle.STRICT);
        return formatter;
    }

    private static String yearsAsYears(String pattern) {
        var out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }
}
