package app.outlay.cli.expense;

import app.outlay.cli.api.ExpenseFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The filters {@code list}, {@code export} and {@code summary} share; each one narrows the selection. */
public final class FilterOptions {

    @Option(names = "--from", paramLabel = "DATE", converter = DateConverter.class,
            description = "Only expenses on or after this date (YYYY-MM-DD).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = DateConverter.class,
            description = "Only expenses on or before this date (YYYY-MM-DD).")
    LocalDate to;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this type; repeat for several.")
    List<String> types = new ArrayList<>();

    @Option(names = "--min", paramLabel = "AMOUNT", description = "Only amounts of at least this (e.g. -100.00).")
    String min;

    @Option(names = "--max", paramLabel = "AMOUNT", description = "Only amounts of at most this (e.g. 0).")
    String max;

    @Option(names = "--search", paramLabel = "WORDS",
            description = "Only descriptions with all these words (or words starting with them), in any case.")
    String search;

    public ExpenseFilter filter() {
        return new ExpenseFilter(from, to, types, min, max, search);
    }

    /** A calendar date as {@code YYYY-MM-DD}; anything else is a usage error. */
    public static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date like 2024-03-31");
            }
        }
    }
}
