package app.outlay.cli.output;

import java.io.PrintStream;
import java.util.List;

/** Streams rows as CSV: the header first, then each row as it arrives. */
final class CsvRows implements RowSink {
    private final PrintStream out;
    private final List<Integer> shown;

    CsvRows(PrintStream out, List<Column> columns, List<Integer> shown) {
        this.out = out;
        this.shown = shown;
        out.print(Csv.record(shown.stream().map(i -> columns.get(i).key()).toList()));
    }

    @Override
    public void add(Object item, List<Cell> cells) {
        out.print(Csv.record(shown.stream().map(i -> cells.get(i).text()).toList()));
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
