package app.outlay.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams rows as an aligned table. The first batch sets the column widths (a page of up to 1000 rows is a good
 * sample); later rows that are wider than it simply stick out instead of holding the whole listing in memory.
 */
final class TableRows implements RowSink {
    private final PrintStream out;
    private final List<Column> columns;
    private final boolean color;
    private final List<List<Cell>> pending = new ArrayList<>();
    private TextTable layout;

    TableRows(PrintStream out, List<Column> columns, boolean color) {
        this.out = out;
        this.columns = columns;
        this.color = color;
    }

    @Override
    public void add(Object item, List<Cell> cells) {
        pending.add(cells);
    }

    @Override
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        if (layout == null) {
            layout = new TextTable(columns, pending, color);
            out.print(layout.header() + '\n');
        }
        pending.forEach(row -> out.print(layout.line(row) + '\n'));
        pending.clear();
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
