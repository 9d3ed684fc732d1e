package app.outlay.importer;

import app.outlay.common.FieldError;
import app.outlay.common.FieldErrors;
import app.outlay.common.Invalid;
import app.outlay.common.Money;
import app.outlay.common.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An import file as it streams in: its dialect (delimiter, header, how dates and amounts are written) is told
 * from its first 256 KiB unless the client named it, then every row is read once, in order, and handed on as
 * an {@link ImportRow} or as the problems that make it invalid. Parsing is Commons CSV's: quotes, embedded
 * delimiters, quotes and line breaks, CRLF; a BOM is skipped.
 */
final class ImportFile {
    private static final int SAMPLE_CHARS = 256 * 1024;
    private static final int SAMPLE_ROWS = 200;
    private static final int MAX_DESCRIPTION = 1000;
    private static final int MAX_TYPE = 64;
    private static final List<String> OUTLAY_EXPORT = List.of("id", "date", "type", "amount", "description");

    private final BufferedReader reader;
    private final ImportOptions options;
    private final Currency currency;
    final char delimiter;
    final Mapping mapping;
    final DateFormat dates;
    final AmountFormat amounts;
    /** Outlay's own export: descriptions are kept exactly as written; those of other files are trimmed. */
    private final boolean outlayExport;

    /** What to do with each row; {@code invalid} gets a row's problems, each naming its line and column. */
    interface Rows {
        void valid(ImportRow row);

        void invalid(List<FieldError> problems);
    }

    private ImportFile(BufferedReader reader, ImportOptions options, Currency currency, char delimiter,
                       List<String> header, List<CSVRecord> samples) {
        this.reader = reader;
        this.options = options;
        this.currency = currency;
        this.delimiter = delimiter;
        this.mapping = Headers.map(header, options.mapping());
        this.outlayExport = OUTLAY_EXPORT.equals(header);
        this.amounts = options.decimal() != null ? new AmountFormat(options.decimal())
                : AmountFormat.detect(column(samples, Column.AMOUNT, Column.DEBIT, Column.CREDIT), delimiter);
        List<String> sampleDates = column(samples, Column.DATE);
        this.dates = options.dateFormat() != null ? options.dateFormat()
                : sampleDates.isEmpty() ? DateFormat.of("yyyy-MM-dd")
                : DateFormat.detect(sampleDates, delimiter == ';' || amounts.decimal() == ',');
    }

    /** Reads the file's start and tells its dialect; 400 or 422 when the options do not fit the file. */
    static ImportFile open(InputStream in, Charset charset, ImportOptions options, Currency currency) {
        try {
            var reader = new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
            skipBom(reader);
            String sample = peek(reader);
            char delimiter = options.delimiter() != null ? options.delimiter() : detectDelimiter(sample);
            List<CSVRecord> records = sampleRecords(sample, delimiter);
            if (records.isEmpty() && sample.isBlank()) {
                throw Invalid.field("file", "is empty: send a CSV file with a header line and rows");
            }
            List<String> header = options.header() && !records.isEmpty() ? records.removeFirst().toList() : null;
            return new ImportFile(reader, options, currency, delimiter, header, records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every row and hands it on; returns the number of data rows (blank lines not counted). */
    long forEach(Rows rows) {
        CSVParser parser;
        try {
            parser = format(delimiter).parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long count = 0;
        long lastLine = 0;
        var iterator = parser.iterator();
        boolean first = true;
        while (true) {
            CSVRecord record;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                record = iterator.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw Invalid.fields("The file is not valid CSV; nothing was imported.", List.of(new FieldError(
                        lastLine + 1, "file", "a quoted field is not closed, or text follows its closing quote")));
            }
            long line = lastLine + 1;
            lastLine = parser.getCurrentLineNumber();
            if (blank(record)) {
                continue;
            }
            if (first && options.header()) {
                first = false;
                continue;
            }
            first = false;
            count++;
            read(record, line, rows);
        }
        return count;
    }

    private void read(CSVRecord record, long line, Rows rows) {
        var errors = new FieldErrors();
        LocalDate date = errors.attempt(() -> dates.parse(Column.DATE.wire(), cell(record, Column.DATE)));
        Money amount = errors.attempt(() -> amount(record));
        String type = errors.attempt(() -> type(record));
        String description = errors.attempt(() -> description(record));
        if (errors.isEmpty()) {
            rows.valid(new ImportRow(line, date, type, amount.minor(), description));
        } else {
            rows.invalid(errors.list().stream()
                    .map(e -> new FieldError(line, e.field(), e.message() + columnName(e.field())))
                    .toList());
        }
    }

    private String columnName(String field) {
        for (Column column : Column.values()) {
            if (column.wire().equals(field) && mapping.has(column) && !mapping.name(column).equals(field)) {
                return " (column " + mapping.name(column) + ")";
            }
        }
        return "";
    }

    private Money amount(CSVRecord record) {
        if (mapping.has(Column.AMOUNT)) {
            return amounts.parse(Column.AMOUNT.wire(), cell(record, Column.AMOUNT), currency);
        }
        BigDecimal debit = mapping.has(Column.DEBIT) ? side(record, Column.DEBIT) : null;
        BigDecimal credit = mapping.has(Column.CREDIT) ? side(record, Column.CREDIT) : null;
        if (debit != null && credit != null) {
            throw Invalid.field(Column.DEBIT.wire(), "and credit are both set; a row is money out or money in");
        }
        if (debit == null && credit == null) {
            Column named = mapping.has(Column.DEBIT) ? Column.DEBIT : Column.CREDIT;
            throw Invalid.field(named.wire(), "is empty" + (mapping.has(Column.DEBIT) && mapping.has(Column.CREDIT)
                    ? ", and so is credit" : ""));
        }
        return debit != null
                ? Money.of(Column.DEBIT.wire(), debit.abs().negate(), currency)
                : Money.of(Column.CREDIT.wire(), credit.abs(), currency);
    }

    /** A debit or credit cell's amount; null when empty or zero (banks fill the other side with 0.00). */
    private BigDecimal side(CSVRecord record, Column column) {
        String raw = cell(record, column);
        if (raw.isBlank()) {
            return null;
        }
        BigDecimal value = amounts.decimal(column.wire(), raw);
        return value.signum() == 0 ? null : value;
    }

    private String type(CSVRecord record) {
        String type = mapping.has(Column.TYPE) ? cell(record, Column.TYPE).strip() : "";
        if (type.isEmpty()) {
            return options.defaultType();
        }
        if (type.codePointCount(0, type.length()) > MAX_TYPE) {
            throw Invalid.field(Column.TYPE.wire(), "must be at most " + MAX_TYPE + " characters");
        }
        return type;
    }

    private String description(CSVRecord record) {
        if (!mapping.has(Column.DESCRIPTION)) {
            return "";
        }
        String text = cell(record, Column.DESCRIPTION);
        if (!outlayExport) {
            text = text.strip();
        }
        if (text.codePointCount(0, text.length()) > MAX_DESCRIPTION) {
            throw Invalid.field(Column.DESCRIPTION.wire(), "must be at most " + MAX_DESCRIPTION + " characters");
        }
        return text;
    }

    private String cell(CSVRecord record, Column column) {
        int index = mapping.index(column);
        if (index >= record.size()) {
            throw Invalid.field(column.wire(), "is missing: the row has " + record.size()
                    + (record.size() == 1 ? " field" : " fields"));
        }
        return Text.field(column.wire(), record.get(index));
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The non-blank values of the first of {@code columns} the mapping has, in the sample rows. */
    private List<String> column(List<CSVRecord> samples, Column... columns) {
        var values = new ArrayList<String>();
        for (Column column : columns) {
            if (mapping.has(column)) {
                int i = mapping.index(column);
                samples.stream().filter(r -> i < r.size() && !r.get(i).isBlank()).forEach(r -> values.add(r.get(i)));
            }
        }
        return values;
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false) // every line is a record: line numbers stay exact; blank ones are skipped
                .get();
    }

    private static void skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static String peek(BufferedReader reader) throws IOException {
        reader.mark(SAMPLE_CHARS);
        char[] buffer = new char[SAMPLE_CHARS];
        int filled = 0;
        int n;
        while (filled < buffer.length && (n = reader.read(buffer, filled, buffer.length - filled)) > 0) {
            filled += n;
        }
        reader.reset();
        return new String(buffer, 0, filled);
    }

    /** Of {@code ;}, {@code ,}, tab and {@code |}, the one found most often outside quotes in the first line. */
    static char detectDelimiter(String sample) {
        char[] candidates = {';', ',', '\t', '|'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 1; // a single column: nothing to tell, so a comma
        for (int k = 0; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    /** The records wholly inside the sample, at most {@link #SAMPLE_ROWS} of them; a cut-off last one is dropped. */
    private static List<CSVRecord> sampleRecords(String sample, char delimiter) {
        var records = new ArrayList<CSVRecord>();
        try (var parser = format(delimiter).parse(new StringReader(sample))) {
            for (CSVRecord record : parser) {
                if (!blank(record)) {
                    records.add(record);
                }
                if (records.size() > SAMPLE_ROWS) {
                    return records;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // a broken quote: the full read reports it with its line
        }
        if (sample.length() == SAMPLE_CHARS && records.size() > 1) {
            records.removeLast();
        }
        return records;
    }
}
