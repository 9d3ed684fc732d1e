package app.outlay.expense;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes expenses as RFC 4180 CSV ({@code id,date,type,amount,description}), UTF-8 without BOM, CRLF. */
final class ExpenseCsv implements AutoCloseable {
    static final String MEDIA_TYPE = "text/csv; charset=utf-8";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader("id", "date", "type", "amount", "description")
            .get();

    private final CSVPrinter printer;

    ExpenseCsv(OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            this.printer = new CSVPrinter(writer, FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(Expense e) {
        try {
            printer.printRecord(e.id(), e.date(), e.type(), e.amount(), e.description());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
