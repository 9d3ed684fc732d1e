package app.outlay.cli.output;

import app.outlay.cli.api.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes results to standard output in the chosen {@link Format}: data only, never messages. */
public final class Printer {
    private final Format format;
    private final PrintStream out;
    private final boolean color;

    public Printer(Format format, PrintStream out, boolean color) {
        this.format = format;
        this.out = out;
        this.color = color;
    }

    /** Several things: {@code data} as JSON, else {@code table}. */
    public void list(Object data, Table table) {
        switch (format) {
            case JSON -> json(data);
            case CSV -> csv(table);
            case TABLE -> text(table, true);
        }
    }

    /** One thing: {@code data} as JSON, the one-row {@code table} as CSV, or as a label per line for people. */
    public void record(Object data, Table table) {
        switch (format) {
            case JSON -> json(data);
            case CSV -> csv(table);
            case TABLE -> text(transposed(table), false);
        }
    }

    /** One thing as one row: {@code data} as JSON, else the one-row {@code table} with its header. */
    public void row(Object data, Table table) {
        list(data, table);
    }

    /** A sink for a stream of rows under {@code columns}. */
    public RowSink rows(List<Column> columns) {
        return switch (format) {
            case JSON -> new JsonRows(out);
            case CSV -> new CsvRows(out, columns, visible(columns));
            case TABLE -> new TableRows(out, columns, color);
        };
    }

    /**
     * A sink for rows that keep coming, each to be shown as it arrives ({@code outlay watch}): JSON Lines (one compact
     * object per line), CSV with its header at once, or for people one unaligned line per row without a header.
     */
    public RowSink stream(List<Column> columns) {
        RowSink sink = switch (format) {
            case JSON -> new JsonLines(out);
            case CSV -> new CsvRows(out, columns, visible(columns));
            case TABLE -> new LineRows(out, columns, color);
        };
        sink.flush();
        return sink;
    }

    private void json(Object data) {
        try {
            Json.prettyWriter().writeValue(out, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.print('\n');
    }

    private void csv(Table table) {
        List<Integer> shown = visible(table.columns());
        out.print(Csv.record(shown.stream().map(i -> table.columns().get(i).key()).toList()));
        for (List<Cell> row : table.rows()) {
            out.print(Csv.record(shown.stream().map(i -> row.get(i).text()).toList()));
        }
    }

    private void text(Table table, boolean header) {
        var layout = new TextTable(table.columns(), withFooter(table), color);
        if (header) {
            out.print(layout.header() + '\n');
        }
        table.rows().forEach(row -> out.print(layout.line(row) + '\n'));
        if (table.footer() != null) {
            out.print(layout.rule() + '\n');
            out.print(layout.line(table.footer()) + '\n');
        }
    }

    private static List<List<Cell>> withFooter(Table table) {
        var rows = new ArrayList<>(table.rows());
        if (table.footer() != null) {
            rows.add(table.footer());
        }
        return rows;
    }

    /** Label and value on each line, for a single record. */
    private static Table transposed(Table table) {
        var result = new Table(List.of(new Column("field", "", false, false), new Column("value", "", false, false)));
        List<Cell> row = table.rows().get(0);
        for (int i = 0; i < table.columns().size(); i++) {
            result.row(Cell.of(table.columns().get(i).label().toLowerCase(Locale.ROOT)), row.get(i));
        }
        return result;
    }

    private static List<Integer> visible(List<Column> columns) {
        var shown = new ArrayList<Integer>();
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).tableOnly()) {
                shown.add(i);
            }
        }
        return shown;
    }
}
