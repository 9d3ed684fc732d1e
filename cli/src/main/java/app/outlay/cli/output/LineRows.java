package app.outlay.cli.output;

import java.io.PrintStream;
import java.util.List;

/**
 * Rows for people as they come, with no header: the cells of each row two spaces apart, coloured as in a table. A
 * stream that has no end cannot be aligned on its widest row, so each row is only as wide as its own cells.
 */
final class LineRows implements RowSink {
    private final PrintStream out;
    private final List<Column> columns;
    private final boolean color;

    LineRows(PrintStream out, List<Column> columns, boolean color) {
        this.out = out;
        this.columns = columns.stream().map(column -> new Column(column.key(), "", false, column.tableOnly())).toList();
        this.color = color;
    }

    @Override
    public void add(Object item, List<Cell> cells) {
        out.print(new TextTable(columns, List.of(cells), color).line(cells) + '\n');
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
